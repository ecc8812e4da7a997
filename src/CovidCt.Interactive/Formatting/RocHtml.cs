using CovidCt.Interactive.Html;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Interactive.Formatting;

/// <summary>HTML summaries of ROC curves and DeLong comparisons.</summary>
public static class RocHtml
{
    /// <summary>
    /// AUC with its DeLong intervals, the class sizes and the Youden-optimal operating point. With fewer than two cases
    /// of a class the DeLong rows say so; with one class absent the AUC shows as undefined.
    /// </summary>
    public static string Curve(RocCurve curve) => Markup.Block(Table(curve, "ROC curve"));

    /// <summary>The summary table, unwrapped, for composite results.</summary>
    internal static string Table(RocCurve curve, string caption)
    {
        var youden = curve.YoudenOptimal();
        var noDeLong = Markup.Undefined("DeLong needs at least two cases of each class");
        var level = curve.DeLong is { } delong ? $"{Markup.Number(delong.PlainInterval.Level * 100, 0)}% CI" : "CI";
        IReadOnlyList<Cell>[] rows =
        [
            ["AUC", Cell.Numeric(curve.Auc.Value is { } auc ? Markup.Number(auc, 4) : Markup.Undefined(curve.Auc.UndefinedReason))],
            [$"{level} (DeLong, plain)", Cell.Numeric(curve.DeLong is { } d ? Markup.Interval(d.PlainInterval, false) : noDeLong)],
            [$"{level} (DeLong, logit)", Cell.Numeric(curve.DeLong is { } l ? Markup.Interval(l.LogitInterval, false) : noDeLong)],
            ["Standard error", Cell.Numeric(curve.DeLong is { } s ? Markup.Number(s.StandardError, 4) : noDeLong)],
            ["Diseased / not diseased", Cell.Numeric($"{Markup.Count(curve.Diseased)} / {Markup.Count(curve.NonDiseased)}")],
            ["Distinct thresholds", Cell.Numeric(Markup.Count(curve.DistinctThresholds))],
            ["Youden-optimal point", Cell.Numeric(youden is null
                ? Markup.Undefined("sensitivity or specificity is undefined")
                : $"score ≥ {Markup.Number(youden.Threshold, 4)}: sensitivity {Markup.Percent(youden.Sensitivity)}, specificity {Markup.Percent(youden.Specificity)}")],
        ];
        return Markup.Table(caption, ["", "Value"], rows) + Caveats(StatisticCaveats.Auc(curve));
    }

    /// <summary>DeLong's paired test: both AUCs, the difference with its interval, z and the two-sided p-value.</summary>
    public static string PairedDeLong(PairedDeLongResult result) => Markup.Block(Markup.Table(
        "Paired DeLong test (A − B)",
        ["AUC A", "AUC B", "Difference", $"{Markup.Number(result.DifferenceInterval.Level * 100, 0)}% CI", "z", "p"],
        [[
            Cell.Numeric(Markup.Number(result.AucA, 4)), Cell.Numeric(Markup.Number(result.AucB, 4)),
            Cell.Numeric(Markup.Number(result.Difference, 4)), Cell.Numeric($"{Markup.Number(result.DifferenceInterval.Lower, 4)} to {Markup.Number(result.DifferenceInterval.Upper, 4)}"),
            Cell.Numeric(double.IsInfinity(result.Z) ? (result.Z > 0 ? "+∞" : "−∞") : Markup.Number(result.Z)),
            Cell.Numeric(Markup.PValue(result.PValue)),
        ]]), Caveats(StatisticCaveats.PairedDeLong(result)));

    // Each caveat as a marked line under its table, so a degenerate number never reads as precise.
    internal static string Caveats(IEnumerable<string> caveats) => string.Concat(caveats.Select(c => $"<p class=\"miss\">Caveat: {Markup.Encode(c)}</p>"));
}
