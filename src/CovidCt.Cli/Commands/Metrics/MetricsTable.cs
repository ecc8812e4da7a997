using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>The text table of <see cref="DiagnosticMetrics"/>: metric, value, count ratio, interval or the reason it is undefined.</summary>
internal static class MetricsTable
{
    public static Table Create(DiagnosticMetrics metrics)
    {
        var table = TextConsole.Table("Metric", "Value", "Count",
            $"{TextFormat.Level(metrics.Level)} CI ({ProportionIntervals.Name(metrics.Method)}; J: MOVER; F1: Jaccard; LR: log)");
        foreach (var (name, estimate) in metrics.All)
        {
            table.AddTextRow(TextFormat.Label(name), TextFormat.Value(name, estimate), TextFormat.Fraction(name, estimate), Interval(name, estimate));
        }
        return table;
    }

    // Youden's J can be negative, and "−0.038–0.193" reads as a range of dashes: its bounds are joined by "to".
    private static string Interval(string name, Estimate estimate) => name == "youden_j" && estimate is { Value: not null, Interval: { } interval }
        ? TextFormat.SignedInterval(interval, "0.000")
        : TextFormat.Interval(name, estimate);
}
