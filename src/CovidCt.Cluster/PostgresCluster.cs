using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Orleans.Configuration;

namespace CovidCt.Cluster;

/// <summary>
/// <c>postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?KEY=VALUE&amp;...]</c>: membership in a PostgreSQL database (Orleans'
/// ADO.NET clustering), so workers on several machines find each other and no single worker has to stay up. The database needs
/// Orleans' membership tables once (<c>covidct cluster init-db</c>). A password left out of the text is taken where libpq takes
/// it (<c>PGPASSWORD</c>, <c>~/.pgpass</c>), which keeps it off command lines.
/// </summary>
internal sealed record PostgresCluster : ClusterConnection
{
    /// <summary>The form, for messages.</summary>
    public const string Form = "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (membership in PostgreSQL, workers on any machine)";

    // Orleans' ADO.NET providers load their driver by this invariant name.
    private const string Invariant = "Npgsql";

    private PostgresCluster(string connectionString, string name)
    {
        ConnectionString = connectionString;
        Name = name;
    }

    /// <summary>The Npgsql connection string (may hold the password: never shown).</summary>
    public string ConnectionString { get; }

    /// <inheritdoc />
    public override string Name { get; }

    /// <summary>Orleans' usual silo port: each further worker on one machine needs its own <c>--port</c>.</summary>
    public override int DefaultSiloPort => EndpointOptions.DEFAULT_SILO_PORT;

    /// <summary>Reads a <c>postgres://</c> or <c>postgresql://</c> URI; null for any other scheme.</summary>
    /// <exception cref="FormatException">When the URI lacks a host or database, or names a setting Npgsql does not know.</exception>
    public static PostgresCluster? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.DnsSafeHost.Length == 0)
        {
            throw new FormatException($"not a database URI; expected {Form}");
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw new FormatException($"names no database; expected {Form}");
        }
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.DnsSafeHost, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port, Database = database };
        var (user, password) = UserInfo(uri.UserInfo);
        if (user is not null) builder.Username = user;
        if (password is not null) builder.Password = password;
        foreach (var (key, value) in Query(uri.Query))
        {
            try
            {
                builder[key] = value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw new FormatException($"setting '{key}={value}' is not one Npgsql accepts ({e.Message}); see https://www.npgsql.org/doc/connection-string-parameters.html", e);
            }
        }
        var port = builder.Port.ToString(CultureInfo.InvariantCulture);
        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{builder.Host}]" : builder.Host;
        return new PostgresCluster(builder.ConnectionString, $"postgres://{(user is null ? "" : user + "@")}{host}:{port}/{database}");
    }

    /// <summary>The database answers and holds Orleans' membership queries.</summary>
    public override Task CheckAsync(CancellationToken cancel) => PostgresSchema.CheckAsync(this, cancel);

    /// <summary>
    /// Listens on <paramref name="address"/> (or the address this machine's name resolves to) and advertises it in the
    /// membership table, where the other workers and the coordinators look it up.
    /// </summary>
    public override void ConfigureSilo(ISiloBuilder silo, int siloPort, IPAddress? address)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Invariant, ConnectionString));
        silo.Configure<ClusterOptions>(Identify);
        if (address is null) silo.ConfigureEndpoints(siloPort, siloPort + 1, AddressFamily.InterNetwork, listenOnAnyHostAddress: false);
        else silo.ConfigureEndpoints(address, siloPort, siloPort + 1, listenOnAnyHostAddress: false);
    }

    /// <summary>Finds the live workers' gateways in the membership table.</summary>
    public override void ConfigureClient(IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Invariant, ConnectionString));
        client.Configure<ClusterOptions>(Identify);
    }

    /// <summary><paramref name="text"/> with the password of a database URI masked, for messages; any other text as it is.</summary>
    public static string Masked(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return text;
        var start = scheme + 3;
        var at = text.IndexOf('@', start);
        var colon = text.IndexOf(':', start);
        return at < 0 || colon < 0 || colon > at ? text : string.Concat(text.AsSpan(0, colon + 1), "***", text.AsSpan(at));
    }

    private static (string? User, string? Password) UserInfo(string info)
    {
        if (info.Length == 0) return (null, null);
        var colon = info.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (Uri.UnescapeDataString(info), null)
            : (Uri.UnescapeDataString(info[..colon]), Uri.UnescapeDataString(info[(colon + 1)..]));
    }

    private static IEnumerable<(string Key, string Value)> Query(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new FormatException($"'{pair}' in the database URI's query is not KEY=VALUE");
            yield return (Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..]));
        }
    }
}
