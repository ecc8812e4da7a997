using System.CommandLine;
using CovidCt.Cli.Output;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct metrics coverage</c>: the coverage simulation of docs/metrics.md — how often each 95% interval holds the
/// truth on simulated unclustered and clustered data and on simulated reader studies, and how often the paired tests
/// reject a true null. A benchmark of the statistics, not of a detector: it reads no files.
/// </summary>
internal static class MetricsCoverageCommand
{
    private const int MaxDatasets = 100_000;

    public static Command Create(TextWriter output)
    {
        var datasets = new Option<int>("--datasets") { Description = $"Simulated datasets per design (1 to {MaxDatasets:N0}).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 17 };
        var json = MetricsOptions.Json();
        var command = new Command("coverage", "Coverage simulation of the intervals and type I error of the paired tests, unclustered, clustered and in reader studies.") { datasets, seed, json };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(datasets);
            if (n is < 1 or > MaxDatasets) throw new UsageException($"--datasets must be between 1 and {MaxDatasets:N0}; got {n:N0}");
            var slices = new[] { new CoverageSimulation(200, 1, 0, parse.GetValue(seed)), new CoverageSimulation(40, 8, 1, parse.GetValue(seed)) };
            var readers = new[] { new CoverageSimulationReaders(1.5, parse.GetValue(seed)), new CoverageSimulationReaders(1.1, parse.GetValue(seed)) };
            var results = slices.Select(d => (d.Design, Rows: d.Run(n))).Concat(readers.Select(d => (d.Design, Rows: d.Run(n)))).ToArray();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, j =>
                {
                    j.Writer.WriteNumber("datasets", n);
                    j.Writer.WriteNumber("seed", parse.GetValue(seed));
                    j.Writer.WriteStartArray("designs");
                    foreach (var (design, rows) in results)
                    {
                        j.Writer.WriteStartObject();
                        j.Writer.WriteString("design", design);
                        j.Writer.WriteStartArray("rows");
                        foreach (var row in rows)
                        {
                            j.Writer.WriteStartObject();
                            j.Writer.WriteString("name", row.Name);
                            j.Writer.WriteNumber("datasets", row.Datasets);
                            j.Number("rate", row.Rate);
                            j.Writer.WriteEndObject();
                        }
                        j.Writer.WriteEndArray();
                        j.Writer.WriteEndObject();
                    }
                    j.Writer.WriteEndArray();
                });
                return CliApp.Success;
            }
            var console = TextConsole.Create(output);
            foreach (var (design, rows) in results)
            {
                console.Line($"{design} ({TextFormat.Count(n)} datasets, seed {parse.GetValue(seed)}):");
                var table = TextConsole.Table("Interval or test", "Datasets", "Coverage / rejection rate");
                foreach (var row in rows) table.AddTextRow(row.Name, TextFormat.Count(row.Datasets), row.Rate is { } r ? TextFormat.Percent(r) : "undefined");
                console.Write(table);
            }
            return CliApp.Success;
        });
        return command;
    }
}
