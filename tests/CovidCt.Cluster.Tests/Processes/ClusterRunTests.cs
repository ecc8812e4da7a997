using System.Globalization;
using System.Text.RegularExpressions;

namespace CovidCt.Cluster.Tests.Processes;

/// <summary>
/// Real clusters: workers and coordinators are separate covidct processes on loopback ports, evaluating the default cohort;
/// each result must be the single-process one. Several minutes on a 2-core machine (each run scores the cohort afresh).
/// </summary>
public sealed partial class ClusterRunTests(ClusterFixture fixture, PostgresServer postgres) : IClassFixture<ClusterFixture>, IClassFixture<PostgresServer>
{
    [Fact]
    public void Three_workers_give_the_single_process_result()
    {
        var (port, workers) = StartWorkers(3);
        try
        {
            var output = fixture.Out("three");
            using var coordinator = CovidctProcess.Start(["evaluate", "--cluster", Connection(port), .. fixture.Options(output)]);
            Assert.True(coordinator.WaitForExit(ClusterFixture.RunLimit) == 0, coordinator.Output);

            fixture.AssertSameResult(output);
            // Every worker took patients, and the run folder is gone once the output is complete.
            Assert.All(workers, w => Assert.Contains(" done in ", w.Output, StringComparison.Ordinal));
            Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(output)!, ".three.cluster")));
        }
        finally
        {
            foreach (var worker in workers) worker.Dispose();
        }
    }

    [Fact]
    public void A_worker_killed_mid_run_with_every_series_in_chunks_has_its_chunk_run_elsewhere_and_the_result_is_the_same()
    {
        var (port, workers) = StartWorkers(3);
        try
        {
            var output = fixture.Out("killed-worker");
            // Chunks of 8 slices split every series of the default cohort (20 to 24 slices) into 3, so runs of 3 slices cross chunks.
            using var coordinator = CovidctProcess.Start(["evaluate", "--cluster", Connection(port), "--chunk-slices", "8", .. fixture.Options(output)]);
            // Once the second worker has finished a chunk it is handed the next at once: killed now, it dies holding one.
            Assert.True(workers[1].WaitFor(o => o.Contains(" done in ", StringComparison.Ordinal), ClusterFixture.RunLimit), workers[1].Output);
            Thread.Sleep(TimeSpan.FromSeconds(1));
            workers[1].Kill();
            Assert.True(coordinator.WaitForExit(ClusterFixture.RunLimit) == 0, coordinator.Output);

            var summary = Summary().Match(coordinator.Output);
            Assert.True(summary.Success, coordinator.Output);
            Assert.Equal("0", summary.Groups["resumed"].Value);
            Assert.True(int.Parse(summary.Groups["reassigned"].Value, CultureInfo.InvariantCulture) >= 1, coordinator.Output);
            Assert.Contains("12 patients split into 36 chunks", coordinator.Output, StringComparison.Ordinal);
            fixture.AssertSameResult(output);
        }
        finally
        {
            foreach (var worker in workers) worker.Dispose();
        }
    }

    [Fact]
    public void Below_the_memory_budget_series_are_split_by_default_and_each_workers_warning_is_said_once_naming_it()
    {
        var (port, workers) = StartWorkers(2);
        try
        {
            var output = fixture.Out("budget");
            // 560 MiB is below one batch of the shipped model (576 MiB estimated): every worker warns, and the default chunk is the
            // smallest, 16 slices, which splits every series of the default cohort in two.
            using var coordinator = CovidctProcess.Start(["evaluate", "--cluster", Connection(port), "--memory-budget", "560M", .. fixture.Options(output)]);
            Assert.True(coordinator.WaitForExit(ClusterFixture.RunLimit) == 0, coordinator.Output);

            Assert.Contains("split into chunks of 16 (from the memory budget", coordinator.Output, StringComparison.Ordinal);
            Assert.Contains("12 patients split into 24 chunks", coordinator.Output, StringComparison.Ordinal);
            var warnings = coordinator.Output.Split('\n').Where(l => l.Contains("one scoring batch alone is estimated", StringComparison.Ordinal)).ToArray();
            var warning = Assert.Single(warnings);
            Assert.Matches("^Warning: worker [^:]+:[0-9]+: one scoring batch alone", warning);
            // Kept in metrics.json too, as a single-process run keeps its own.
            var kept = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")))!["warnings"]!.AsArray().Select(w => w!.GetValue<string>());
            Assert.Equal([warning["Warning: ".Length..].TrimEnd()], kept);
            fixture.AssertSameResult(output, budget: true);
        }
        finally
        {
            foreach (var worker in workers) worker.Dispose();
        }
    }

    [Fact]
    public void A_restarted_coordinator_resumes_from_the_results_written_and_gives_the_same_result()
    {
        var (port, workers) = StartWorkers(2);
        try
        {
            var output = fixture.Out("restarted");
            var results = Path.Combine(Path.GetDirectoryName(output)!, ".restarted.cluster", "results");
            string[] args = ["evaluate", "--cluster", Connection(port), .. fixture.Options(output)];
            using (var first = CovidctProcess.Start(args))
            {
                Assert.True(first.WaitFor(_ => Directory.Exists(results) && Directory.GetFiles(results, "*.json").Length >= 2, ClusterFixture.RunLimit), first.Output);
                first.Kill();
            }
            var written = Directory.GetFiles(results, "*.json").Length;

            // The same command again, with the cache as the first run left it.
            using var second = CovidctProcess.Start(args);
            Assert.True(second.WaitForExit(ClusterFixture.RunLimit) == 0, second.Output);

            var summary = Summary().Match(second.Output);
            Assert.True(summary.Success, second.Output);
            Assert.True(int.Parse(summary.Groups["resumed"].Value, CultureInfo.InvariantCulture) >= written, second.Output);
            fixture.AssertSameResult(output, resumed: true);
        }
        finally
        {
            foreach (var worker in workers) worker.Dispose();
        }
    }

    [SkippableFact]
    public void Two_workers_with_their_membership_in_postgresql_give_the_single_process_result()
    {
        Skip.If(postgres.Unavailable is not null, postgres.Unavailable);
        var database = postgres.NewDatabase();
        using (var init = CovidctProcess.Start("cluster", "init-db", database))
        {
            Assert.True(init.WaitForExit(TimeSpan.FromMinutes(2)) == 0, init.Output);
        }
        var firstPort = FreePorts.Pair();
        // No worker keeps the membership: each finds the others in the database, as on separate machines.
        using var first = CovidctProcess.Worker(database, firstPort);
        using var second = CovidctProcess.Worker(database, FreePorts.Pair(firstPort));
        var output = fixture.Out("postgres");
        using var coordinator = CovidctProcess.Start(["evaluate", "--cluster", database, .. fixture.Options(output)]);
        Assert.True(coordinator.WaitForExit(ClusterFixture.RunLimit) == 0, coordinator.Output);

        fixture.AssertSameResult(output);
        Assert.Contains($"over cluster {database}", coordinator.Output, StringComparison.Ordinal);
        Assert.All([first, second], w => Assert.Contains(" done in ", w.Output, StringComparison.Ordinal));
    }

    private static string Connection(int port) => $"localhost:{port.ToString(CultureInfo.InvariantCulture)}";

    // The first worker keeps the membership; the others join through it.
    private static (int Port, CovidctProcess[] Workers) StartWorkers(int count)
    {
        var ports = new List<int>();
        for (var i = 0; i < count; i++) ports.Add(FreePorts.Pair([.. ports]));
        var workers = new List<CovidctProcess>();
        try
        {
            foreach (var siloPort in ports) workers.Add(CovidctProcess.Worker(Connection(ports[0]), siloPort));
        }
        catch
        {
            foreach (var worker in workers) worker.Dispose();
            throw;
        }
        return (ports[0], [.. workers]);
    }

    [GeneratedRegex("Cluster: (?<resumed>[0-9]+) patients resumed from an interrupted run, (?<reassigned>[0-9]+) handed to another worker")]
    private static partial Regex Summary();
}
