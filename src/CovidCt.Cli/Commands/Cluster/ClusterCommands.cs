using System.CommandLine;
using System.Globalization;
using CovidCt.Cluster;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct cluster worker --cluster localhost:PORT [--port P] [--device cpu|cuda:N] [--name NAME]</c>: a worker process
/// of a clustered evaluation (<c>covidct evaluate --cluster</c>), running until Ctrl+C or SIGTERM.
/// </summary>
internal static class ClusterCommands
{
    public static Command Create()
    {
        var worker = new Command("worker", "Start a worker: an Orleans silo that runs the pipeline on the patients a clustered evaluate hands it (until Ctrl+C).");
        var cluster = ConnectionOption();
        cluster.Required = true;
        var port = new Option<int?>("--port") { Description = "This worker's silo port (its gateway is the next one). Default: the connection's port, which makes this the first worker; give every further worker on a machine its own." };
        var device = new Option<string>("--device") { Description = "cpu, or cuda:N to score on GPU N through ONNX Runtime's CUDA provider (falls back to the CPU with a warning).", DefaultValueFactory = _ => "cpu" };
        var name = new Option<string?>("--name") { Description = "The worker's name in the coordinator's summary. Default: HOST:PORT." };
        worker.Options.Add(cluster);
        worker.Options.Add(port);
        worker.Options.Add(device);
        worker.Options.Add(name);
        worker.SetAction(parse =>
        {
            var connection = ConnectionOf(parse.GetValue(cluster)!);
            var siloPort = parse.GetValue(port) ?? connection.PrimaryPort;
            if (siloPort is < 1 or > 65534) throw new UsageException($"--port {siloPort} is out of range; expected 1 to 65534 (the gateway uses the next port)");
            var cuda = CudaDeviceOf(parse.GetValue(device)!);
            var output = CommandWriters.Of(parse).Output;
            ClusterWorker.RunAsync(connection, siloPort, parse.GetValue(name) ?? $"{Environment.MachineName}:{siloPort}", cuda, output, CancellationToken.None).GetAwaiter().GetResult();
            return CliApp.Success;
        });
        return new Command("cluster", "Evaluate over several processes or machines: start workers here, then run covidct evaluate --cluster.") { worker };
    }

    /// <summary>The <c>--cluster</c> option, on the worker and on evaluate.</summary>
    public static Option<string> ConnectionOption() =>
        new("--cluster") { Description = $"The cluster: {ClusterConnection.Forms}." };

    /// <summary>Reads <c>--cluster</c>.</summary>
    /// <exception cref="UsageException">When it is not a connection, with the forms expected.</exception>
    public static ClusterConnection ConnectionOf(string text)
    {
        try
        {
            return ClusterConnection.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--cluster {text}: {e.Message}");
        }
    }

    // "cpu" or "cuda:N": the device the worker's scorer runs on.
    private static int? CudaDeviceOf(string device)
    {
        if (string.Equals(device, "cpu", StringComparison.OrdinalIgnoreCase)) return null;
        const string prefix = "cuda:";
        if (device.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(device.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }
        throw new UsageException($"--device {device}: expected cpu or cuda:N (N the GPU's number, from 0)");
    }
}
