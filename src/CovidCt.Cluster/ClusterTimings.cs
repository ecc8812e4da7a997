using Orleans.Configuration;

namespace CovidCt.Cluster;

/// <summary>How fast the cluster notices a lost worker, and how long a patient may take.</summary>
internal static class ClusterTimings
{
    /// <summary>
    /// A patient call's limit: long, because a study-size model takes minutes on a long series (300 slices at 0.78 s) and a
    /// lost worker is noticed by membership, not by this timeout.
    /// </summary>
    public static readonly TimeSpan PatientTimeout = TimeSpan.FromHours(2);

    /// <summary>How often the coordinator looks at membership and its calls.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Membership probes every second, a worker declared dead after 3 missed probes: a killed worker's patient is handed on
    /// within seconds rather than Orleans' default half-minute, at the cost of a little probe traffic.
    /// </summary>
    public static void Membership(ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 3;
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
    }
}
