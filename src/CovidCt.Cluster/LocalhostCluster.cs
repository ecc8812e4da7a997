using System.Globalization;
using System.Net;

namespace CovidCt.Cluster;

/// <summary>
/// <c>localhost:PORT</c>: a cluster on one machine, where the first worker (the one listening on PORT) keeps the membership
/// and every process finds the others through it. That worker must stay up for the whole run.
/// </summary>
internal sealed record LocalhostCluster(int PrimaryPort) : ClusterConnection
{
    /// <summary>The form, for messages.</summary>
    public const string Form = "localhost:PORT (one machine: the first worker's port; it uses PORT and PORT+1)";

    private const string Prefix = "localhost:";

    /// <inheritdoc />
    public override string Name => Prefix + PrimaryPort.ToString(CultureInfo.InvariantCulture);

    /// <summary>Without <c>--port</c> a worker is the first one, keeping the membership.</summary>
    public override int DefaultSiloPort => PrimaryPort;

    /// <summary>The first worker's silo endpoint, which keeps the membership.</summary>
    public IPEndPoint Primary => new(IPAddress.Loopback, PrimaryPort);

    /// <summary>Reads <c>localhost:PORT</c>; null when <paramref name="text"/> does not start with <c>localhost:</c>.</summary>
    /// <exception cref="FormatException">When the port is not a number from 1 to 65534.</exception>
    public static LocalhostCluster? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return null;
        if (!int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new FormatException($"'{text}' is not a cluster connection; expected {Forms}");
        }
        if (port is < 1 or > 65534) throw new FormatException($"port {port} is out of range; expected 1 to 65534 (the worker also uses the next port)");
        return new LocalhostCluster(port);
    }

    /// <summary>Loopback only: a localhost cluster never listens where another machine could reach it.</summary>
    public override void ConfigureSilo(ISiloBuilder silo, int siloPort, IPAddress? address)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (address is not null && !IPAddress.IsLoopback(address))
        {
            throw new ClusterException($"--address {address}: a {Name} cluster lives on this machine's loopback; for workers on several machines use a database cluster ({PostgresCluster.Form})");
        }
        silo.UseLocalhostClustering(siloPort, siloPort + 1, Primary, ClusterId, ClusterId);
    }

    /// <inheritdoc />
    public override void ConfigureClient(IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, PrimaryPort + 1));
        client.Configure<Orleans.Configuration.ClusterOptions>(Identify);
    }
}
