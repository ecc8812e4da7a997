using CovidCt.Interactive.Html;
using CovidCt.Metrics;
using CovidCt.Reporting.Clustering;
using CovidCt.Reporting.Comparisons;

namespace CovidCt.Interactive.Formatting;

/// <summary>
/// HTML for the per-image statistics clustered by patient (Reporting's <see cref="ClusteredImageTable"/> and
/// <see cref="ClusteredPairedTest"/>), the same numbers the console, metrics.json and report.html show.
/// </summary>
internal static class ClusteredHtml
{
    private static readonly string[] Header = ["Metric", "Value", "Plain CI (slices independent)", "Clustered CI (to quote)", "Design effect"];

    private static readonly string[] PairHeader =
        ["A", "B", "Sensitivity A − B (clustered CI)", "Clustered McNemar p (sensitivity)", "Specificity A − B (clustered CI)", "Clustered McNemar p (specificity)", "AUC A − B (clustered CI)", "p"];

    /// <summary>
    /// The per-image sensitivity, specificity and AUC with the plain interval beside the clustered one and the design effect,
    /// then the caveats; for one image per case, the sentence saying why the plain intervals are right.
    /// </summary>
    public static string Evaluation(ClusteredImageTable? table, RocCurve? imageRoc)
    {
        if (table is null) return Markup.Paragraph(ClusteredImageTable.NotClustered);
        var rows = new List<IReadOnlyList<Cell>>
        {
            Proportion("Sensitivity", table.Sensitivity),
            Proportion("Specificity", table.Specificity),
            table.Auc is { } auc
                ? ["AUC", Cell.Numeric(Markup.Number(auc.Auc, 4)), Cell.Numeric(Markup.Interval(imageRoc?.Auc.Interval, asPercent: false)),
                    Cell.Numeric(Markup.Interval(auc.PlainInterval, asPercent: false)), Cell.Numeric(Effect(auc.DesignEffect))]
                : ["AUC", Cell.Numeric(Markup.Undefined(table.AucUndefined)), "", "", ""],
        };
        return Markup.Table($"Per image, {table.Method}", Header, rows) + string.Concat(table.Caveats.Select(c => Markup.Paragraph($"Note: {c}")));
    }

    /// <summary>One row per pair of models: the per-image tests clustered by patient; for one image per case, why there are none.</summary>
    public static string Comparison(ModelComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var pairs = comparison.Tests.Where(t => t.Level == ComparisonLevel.Image && t.Clustered is not null).ToArray();
        if (pairs.Length == 0) return Markup.Paragraph(ClusteredImageTable.NotClustered);
        var rows = pairs.Select(t => (IReadOnlyList<Cell>)
        [
            Markup.Encode(t.ModelA), Markup.Encode(t.ModelB),
            Cell.Numeric(Difference(t.Clustered!.Decisions.Sensitivity.Difference)), Cell.Numeric(Markup.PValue(t.Clustered.Decisions.Sensitivity.PValue)),
            Cell.Numeric(Difference(t.Clustered.Decisions.Specificity.Difference)), Cell.Numeric(Markup.PValue(t.Clustered.Decisions.Specificity.PValue)),
            .. t.Clustered.Auc is { } d
                ? new[] { Cell.Numeric($"{Markup.Number(d.Difference, 4)} ({Markup.Number(d.DifferenceInterval.Lower, 4)} to {Markup.Number(d.DifferenceInterval.Upper, 4)})"), Cell.Numeric(Markup.PValue(d.PValue)) }
                : [Cell.Numeric(Markup.Undefined(t.Clustered.AucUndefined)), ""],
        ]);
        return Markup.Table($"Per image, {pairs[0].Clustered!.Method}", PairHeader, rows);
    }

    /// <summary>A difference with its interval, "+0.0361 (−0.0248 to 0.1010)"; undefined with its reason.</summary>
    internal static string Difference(Estimate estimate) => estimate.Value is { } v
        ? $"{Markup.Number(v, 4)} ({(estimate.Interval is { } ci ? $"{Markup.Number(ci.Lower, 4)} to {Markup.Number(ci.Upper, 4)}" : "—")})"
        : Markup.Undefined(estimate.UndefinedReason);

    private static Cell[] Proportion(string name, ClusteredProportionResult result) => result.Proportion.Value is { } v
        ? [name, Cell.Numeric(Markup.Percent(v)), Cell.Numeric(Markup.Interval(result.NaiveInterval, asPercent: true)),
            Cell.Numeric(Markup.Interval(result.Proportion.Interval, asPercent: true)), Cell.Numeric(Effect(result.DesignEffect))]
        : [name, Cell.Numeric(Markup.Undefined(result.Proportion.UndefinedReason)), "", "", ""];

    private static string Effect(double designEffect) => double.IsNaN(designEffect) ? "undefined" : Markup.Number(designEffect, 2);
}
