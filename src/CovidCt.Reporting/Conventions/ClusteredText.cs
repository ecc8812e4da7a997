using CovidCt.Metrics;
using CovidCt.Reporting.Clustering;

namespace CovidCt.Reporting.Conventions;

/// <summary>How the per-image intervals clustered by patient read in plain text, once, so the console and report.html say the same.</summary>
public static class ClusteredText
{
    /// <summary>The column heading of the clustered intervals: "Clustered 95% CI".</summary>
    public static string Heading(double level) => $"Clustered {TextFormat.Level(level)} CI";

    /// <summary>The clustered interval of <paramref name="metric"/> (sensitivity, specificity or auc) as a table cell; empty for the metrics without one.</summary>
    public static string Cell(ClusteredImageTable table, string metric)
    {
        ArgumentNullException.ThrowIfNull(table);
        return metric switch
        {
            "sensitivity" => TextFormat.Interval(metric, table.Sensitivity.Proportion),
            "specificity" => TextFormat.Interval(metric, table.Specificity.Proportion),
            "auc" => table.Auc is { } auc ? TextFormat.Interval(metric, auc.PlainInterval) : $"undefined ({table.AucUndefined})",
            _ => "",
        };
    }

    /// <summary>
    /// Which interval is which, in one line: the plain column treats slices as independent, the clustered one accounts for
    /// patients and is the one to quote; with the design effects.
    /// </summary>
    public static string Legend(ClusteredImageTable table, DiagnosticMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metrics);
        return $"Intervals: \"{TextFormat.Level(metrics.Level)} CI\" treats the {TextFormat.Count(metrics.Counts.Total)} slices as independent ({ProportionIntervals.Name(metrics.Method)}; DeLong for the AUC); "
            + $"\"{Heading(metrics.Level)}\" allows for slices of one patient being correlated ({table.Patients} patients; Obuchowski 1997 for the AUC, Rao–Scott Wilson for sensitivity and specificity) and is the one to quote. "
            + $"Design effect: sensitivity {Effect(table.Sensitivity.DesignEffect)}, specificity {Effect(table.Specificity.DesignEffect)}, AUC {Effect(table.Auc?.DesignEffect ?? double.NaN)}.";
    }

    private static string Effect(double designEffect) => double.IsNaN(designEffect) ? "undefined" : TextFormat.Number(designEffect, "0.00");
}
