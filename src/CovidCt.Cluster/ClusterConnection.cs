using Orleans.Configuration;

namespace CovidCt.Cluster;

/// <summary>
/// Where the cluster's membership lives, as given to <c>--cluster</c>: <c>localhost:PORT</c> on one machine
/// (<see cref="LocalhostCluster"/>), or a PostgreSQL database every machine reaches (<see cref="PostgresCluster"/>).
/// </summary>
/// <remarks>A worker listens on two ports: its silo port P (workers talk to each other there) and its gateway P + 1 (coordinators connect there).</remarks>
internal abstract record ClusterConnection
{
    /// <summary>The Orleans cluster and service identifiers, the same for every process of a CovidCt cluster.</summary>
    public const string ClusterId = "covidct";

    /// <summary>The forms <c>--cluster</c> takes, for messages.</summary>
    public const string Forms = LocalhostCluster.Form + ", or " + PostgresCluster.Form;

    /// <summary>The connection as it may be shown: never a password.</summary>
    public abstract string Name { get; }

    /// <summary>The silo port of a worker started without <c>--port</c>.</summary>
    public abstract int DefaultSiloPort { get; }

    /// <summary>Reads a connection text.</summary>
    /// <exception cref="FormatException">When the text is not one of <see cref="Forms"/>, with what was expected.</exception>
    public static ClusterConnection Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (LocalhostCluster.TryParse(text) is { } local) return local;
        if (PostgresCluster.TryParse(text) is { } database) return database;
        throw new FormatException($"'{text}' is not a cluster connection; expected {Forms}");
    }

    /// <summary>
    /// Checks, before Orleans starts, that the membership can be used: the database is reachable and holds the membership
    /// tables. Nothing to check on one machine, where the first worker keeps the membership.
    /// </summary>
    /// <exception cref="ClusterException">When it cannot be used, saying what to do.</exception>
    public virtual Task CheckAsync(CancellationToken cancel) => Task.CompletedTask;

    /// <summary>Makes <paramref name="silo"/> a member, listening on <paramref name="siloPort"/> and <paramref name="siloPort"/> + 1.</summary>
    /// <param name="silo">The silo being built.</param>
    /// <param name="siloPort">Its silo port.</param>
    /// <param name="address">The address the other processes reach it at, or null for the connection's default.</param>
    public abstract void ConfigureSilo(ISiloBuilder silo, int siloPort, System.Net.IPAddress? address);

    /// <summary>Points <paramref name="client"/> at the cluster's gateways.</summary>
    public abstract void ConfigureClient(IClientBuilder client);

    /// <summary>Names the cluster the same way in every process.</summary>
    protected static void Identify(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        (options.ClusterId, options.ServiceId) = (ClusterId, ClusterId);
    }
}
