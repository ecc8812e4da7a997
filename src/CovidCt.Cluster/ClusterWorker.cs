using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime;

namespace CovidCt.Cluster;

/// <summary>
/// <c>covidct cluster worker</c>: an Orleans silo hosting the pipeline (<see cref="WorkerEngine"/>) until it is stopped
/// (Ctrl+C, SIGTERM) or killed. A killed worker is noticed by the others within seconds and its patient is run elsewhere.
/// </summary>
internal static class ClusterWorker
{
    /// <summary>Runs a worker until <paramref name="stop"/> is cancelled or the process is asked to stop.</summary>
    /// <param name="connection">The cluster to join.</param>
    /// <param name="siloPort">This worker's silo port (its gateway is the next one); on one machine the connection's port makes it the first worker.</param>
    /// <param name="address">The address other processes reach this worker at, or null for the connection's default.</param>
    /// <param name="name">The worker's name in replies and logs.</param>
    /// <param name="cudaDevice">The CUDA device to score on, or null for the CPU.</param>
    /// <param name="log">Where it says it joined, and a line per patient.</param>
    /// <param name="stop">Stops the worker.</param>
    /// <exception cref="ClusterException">When the membership cannot be used (database unreachable, tables missing).</exception>
    public static async Task RunAsync(ClusterConnection connection, int siloPort, IPAddress? address, string name, int? cudaDevice, TextWriter log, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await connection.CheckAsync(stop).ConfigureAwait(false);
        using var engine = new WorkerEngine(name, cudaDevice, TextWriter.Synchronized(log));
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            connection.ConfigureSilo(silo, siloPort, address);
            silo.Configure<ClusterMembershipOptions>(ClusterTimings.Membership);
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ClusterTimings.PatientTimeout);
            silo.Services.AddSingleton(engine);
        });
        using var host = builder.Build();
        await host.StartAsync(stop).ConfigureAwait(false);
        var endpoint = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint;
        log.WriteLine($"Worker {name} joined cluster {connection.Name} on {endpoint} (gateway {siloPort + 1}), scoring on {(cudaDevice is { } d ? $"cuda:{d}" : "the CPU")}. Ctrl+C stops it.");
        await host.WaitForShutdownAsync(stop).ConfigureAwait(false);
    }
}
