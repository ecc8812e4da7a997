using System.Globalization;
using System.Net;
using Orleans.Configuration;

namespace CovidCt.Cluster;

/// <summary>
/// Where the cluster's membership lives, as given to <c>--cluster</c>: <c>localhost:PORT</c> on one machine, where the first
/// worker (the one listening on PORT) keeps the membership and every process finds the others through it.
/// </summary>
/// <remarks>A worker listens on two ports: its silo port P (workers talk to each other there) and its gateway P + 1 (coordinators connect there).</remarks>
internal sealed record ClusterConnection(string Text, int PrimaryPort)
{
    /// <summary>The Orleans cluster and service identifiers, the same for every process of a CovidCt cluster.</summary>
    public const string ClusterId = "covidct";

    /// <summary>The form <c>--cluster</c> takes, for messages.</summary>
    public const string Forms = "localhost:PORT (the first worker's port; it uses PORT and PORT+1)";

    /// <summary>Reads a connection text.</summary>
    /// <exception cref="FormatException">When the text is not one of <see cref="Forms"/>, with what was expected.</exception>
    public static ClusterConnection Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string prefix = "localhost:";
        if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            if (port is < 1 or > 65534) throw new FormatException($"port {port} is out of range; expected 1 to 65534 (the worker also uses the next port)");
            return new ClusterConnection(text, port);
        }
        throw new FormatException($"'{text}' is not a cluster connection; expected {Forms}");
    }

    /// <summary>The first worker's silo endpoint, which keeps the membership.</summary>
    public IPEndPoint Primary => new(IPAddress.Loopback, PrimaryPort);

    /// <summary>Makes <paramref name="silo"/> a member, listening on <paramref name="siloPort"/> and <paramref name="siloPort"/> + 1.</summary>
    public void ConfigureSilo(ISiloBuilder silo, int siloPort)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.UseLocalhostClustering(siloPort, siloPort + 1, Primary, ClusterId, ClusterId);
    }

    /// <summary>Points <paramref name="client"/> at the first worker's gateway.</summary>
    public void ConfigureClient(IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, PrimaryPort + 1));
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
    }
}
