using System.CommandLine;
using System.Globalization;
using System.Net;
using CovidCt.Cluster;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct cluster worker --cluster CONNECTION [--port P] [--address IP] [--device cpu|cuda:N] [--name NAME]</c>: a worker
/// process of a clustered evaluation (<c>covidct evaluate --cluster</c>), running until Ctrl+C or SIGTERM; and
/// <c>covidct cluster init-db CONNECTION</c>, which creates Orleans' membership tables in a PostgreSQL database once.
/// </summary>
internal static class ClusterCommands
{
    public static Command Create() =>
        new("cluster", "Evaluate over several processes or machines: start workers here, then run covidct evaluate --cluster.") { Worker(), InitDb() };

    /// <summary>The <c>--cluster</c> option, on the worker and on evaluate.</summary>
    public static Option<string> ConnectionOption() =>
        new("--cluster") { Description = $"The cluster: {ClusterConnection.Forms}." };

    /// <summary>The <c>--chunk-slices</c> option of <c>evaluate --cluster</c>.</summary>
    public static Option<int?> ChunkSlicesOption() => new("--chunk-slices")
    {
        Description = "With --cluster: run series longer than N slices as chunks of N slices on several workers, joined before the patient rule (the results are those of a whole series). "
            + "N must be whole scoring batches. Default: what the memory budget leaves beside one scoring batch at 512x512 slices (713 for the shipped 128x128 models and 170 for a 512x512 UNet++ at the default 2 GiB; at least 16).",
    };

    /// <summary>Reads <c>--cluster</c>.</summary>
    /// <exception cref="UsageException">When it is not a connection, with the forms expected.</exception>
    public static ClusterConnection ConnectionOf(string text) => Parse("--cluster", text);

    private static Command Worker()
    {
        var worker = new Command("worker", "Start a worker: an Orleans silo that runs the pipeline on the patients a clustered evaluate hands it (until Ctrl+C).");
        var cluster = ConnectionOption();
        cluster.Required = true;
        var port = new Option<int?>("--port") { Description = "This worker's silo port (its gateway is the next one). Default: with localhost:PORT that port, which makes this the first worker; with a database 11111. Give every further worker on a machine its own." };
        var address = new Option<string?>("--address") { Description = "The IP address the other machines reach this worker at; it listens there only. Default: with a database, the address this machine's name resolves to; with localhost:PORT, 127.0.0.1." };
        var device = new Option<string>("--device") { Description = "cpu, or cuda:N to score on GPU N through ONNX Runtime's CUDA provider (falls back to the CPU with a warning).", DefaultValueFactory = _ => "cpu" };
        var name = new Option<string?>("--name") { Description = "The worker's name in the coordinator's summary. Default: HOST:PORT." };
        worker.Options.Add(cluster);
        worker.Options.Add(port);
        worker.Options.Add(address);
        worker.Options.Add(device);
        worker.Options.Add(name);
        worker.SetAction(parse =>
        {
            var connection = ConnectionOf(parse.GetValue(cluster)!);
            var siloPort = parse.GetValue(port) ?? connection.DefaultSiloPort;
            if (siloPort is < 1 or > 65534) throw new UsageException($"--port {siloPort} is out of range; expected 1 to 65534 (the gateway uses the next port)");
            var ip = AddressOf(parse.GetValue(address));
            var cuda = CudaDeviceOf(parse.GetValue(device)!);
            var output = CommandWriters.Of(parse).Output;
            Clustered(() => ClusterWorker.RunAsync(connection, siloPort, ip, parse.GetValue(name) ?? $"{Environment.MachineName}:{siloPort}", cuda, output, CancellationToken.None));
            return CliApp.Success;
        });
        return worker;
    }

    private static Command InitDb()
    {
        var connectionArgument = new Argument<string>("connection") { Description = $"The database: {PostgresCluster.Form}." };
        var command = new Command("init-db", "Create Orleans' membership tables in a PostgreSQL database, once, before the first worker starts there (running it again changes nothing).") { connectionArgument };
        command.SetAction(parse =>
        {
            var text = parse.GetValue(connectionArgument)!;
            if (Parse("init-db", text) is not PostgresCluster database)
            {
                throw new UsageException($"init-db {text}: a localhost cluster keeps its membership in its first worker and needs no database; expected {PostgresCluster.Form}");
            }
            var ran = Clustered(() => PostgresSchema.CreateAsync(database, CancellationToken.None));
            CommandWriters.Of(parse).Output.WriteLine(ran.Count == 0
                ? $"Database {database.Name} already holds Orleans' membership tables; nothing changed."
                : $"Created Orleans' membership tables in {database.Name} ({string.Join(", ", ran)}). Start workers with: covidct cluster worker --cluster {database.Name}");
            return CliApp.Success;
        });
        return command;
    }

    private static ClusterConnection Parse(string option, string text)
    {
        try
        {
            return ClusterConnection.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{option} {PostgresCluster.Masked(text)}: {e.Message}");
        }
    }

    // A cluster that cannot be used (database unreachable, tables missing) is the user's to fix: exit 2 with the message.
    private static void Clustered(Func<Task> run) => Clustered(async () =>
    {
        await run().ConfigureAwait(false);
        return 0;
    });

    private static T Clustered<T>(Func<Task<T>> run)
    {
        try
        {
            return run().GetAwaiter().GetResult();
        }
        catch (ClusterException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static IPAddress? AddressOf(string? text)
    {
        if (text is null) return null;
        return IPAddress.TryParse(text, out var address) ? address : throw new UsageException($"--address {text}: expected an IP address such as 10.0.0.5 (the one the other machines reach this worker at)");
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
