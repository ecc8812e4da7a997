using System.CommandLine;

namespace CovidCt.Cli.Commands;

/// <summary>The <c>covidct metrics</c> group: counts, scores, compare, solve, calibration, ratios, coverage, samplesize, jafroc.</summary>
internal static class MetricsCommands
{
    public static Command Create(TextWriter output) => new("metrics", "Diagnostic-accuracy statistics: metrics with confidence intervals, ROC/AUC, paired comparisons, published-figure solver.")
    {
        MetricsCountsCommand.Create(output),
        MetricsScoresCommand.Create(output),
        MetricsCompareCommand.Create(output),
        MetricsSolveCommand.Create(output),
        MetricsCalibrationCommand.Create(output),
        MetricsRatiosCommand.Create(output),
        MetricsCoverageCommand.Create(output),
        MetricsSampleSizeCommand.Create(output),
        MetricsJafrocCommand.Create(output),
    };
}
