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
        var table = TextConsole.Table("Metric", "Value", "Count", $"{TextFormat.Level(metrics.Level)} CI ({ProportionIntervals.Name(metrics.Method)}; LR: log method)");
        foreach (var (name, estimate) in metrics.All)
        {
            table.AddTextRow(TextFormat.Label(name), TextFormat.Value(name, estimate), TextFormat.Fraction(name, estimate), TextFormat.Interval(name, estimate));
        }
        return table;
    }
}
