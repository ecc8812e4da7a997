using System.Globalization;
using CovidCt.Interactive.Html;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Formatting;

/// <summary>
/// HTML for confusion tables, estimates and diagnostic metrics. An undefined metric is shown as
/// "undefined: reason" in red, never as 0 or a blank.
/// </summary>
public static class MetricsHtml
{
    /// <summary>The 2×2 table with row and column totals.</summary>
    public static string Counts(ConfusionCounts counts) => Markup.Block(Markup.Table(
        $"{Markup.Count(counts.Total)} cases",
        ["", "Diseased", "Not diseased", "Total"],
        [
            ["Called positive", Cell.Numeric($"TP {Markup.Count(counts.TruePositives)}"), Cell.Numeric($"FP {Markup.Count(counts.FalsePositives)}"), Cell.Numeric(Markup.Count(counts.CalledPositive))],
            ["Called negative", Cell.Numeric($"FN {Markup.Count(counts.FalseNegatives)}"), Cell.Numeric($"TN {Markup.Count(counts.TrueNegatives)}"), Cell.Numeric(Markup.Count(counts.CalledNegative))],
            ["Total", Cell.Numeric(Markup.Count(counts.Positives)), Cell.Numeric(Markup.Count(counts.Negatives)), Cell.Numeric(Markup.Count(counts.Total))],
        ]));

    /// <summary>
    /// One estimate on a line: value, numerator/denominator and interval, for example
    /// "0.9355 (29/31), 95% CI 0.7928–0.9821 (wilson)"; "undefined: reason" when undefined.
    /// </summary>
    public static string Estimate(Estimate estimate)
    {
        if (estimate.Value is not { } value) return Markup.Block(Markup.Undefined(estimate.UndefinedReason));
        var text = $"{value.ToString("0.####", CultureInfo.InvariantCulture)} ({Markup.Count(estimate.Numerator)}/{Markup.Count(estimate.Denominator)})";
        if (estimate.Interval is { } ci)
        {
            text += $", {Markup.Number(ci.Level * 100, 0)}% CI {Markup.Number(ci.Lower, 4)}–{Markup.Number(ci.Upper, 4)} ({ci.Method})";
        }
        return Markup.Block(Markup.Encode(text));
    }

    /// <summary>Every metric with its count and interval, under a line with the counts.</summary>
    public static string Metrics(DiagnosticMetrics metrics) => Markup.Block(
        Markup.Paragraph(CountsLine(metrics.Counts)),
        MetricsTable(metrics));

    private static string CountsLine(ConfusionCounts c) =>
        $"TP {Markup.Count(c.TruePositives)}, FN {Markup.Count(c.FalseNegatives)}, TN {Markup.Count(c.TrueNegatives)}, FP {Markup.Count(c.FalsePositives)} ({Markup.Count(c.Total)} cases)";

    private static string IntervalHeader(DiagnosticMetrics metrics) =>
        $"{Markup.Number(metrics.Level * 100, 0)}% CI ({ProportionIntervals.Name(metrics.Method)}; LR: log method)";

    private static string MetricsTable(DiagnosticMetrics metrics) => Markup.Table(
        null,
        ["Metric", "Value", "Count", IntervalHeader(metrics)],
        metrics.All.Select(m => MetricDisplay.For(m.Key).Row(m.Value)));
}
