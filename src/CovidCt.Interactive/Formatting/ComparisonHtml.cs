using CovidCt.Interactive.Html;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Formatting;

/// <summary>HTML for McNemar's test on paired decisions.</summary>
public static class ComparisonHtml
{
    private static readonly string[] Header = ["", "Cases", "Only A right", "Only B right", "McNemar exact p", "mid-p"];

    /// <summary>One McNemar test.</summary>
    public static string McNemar(McNemarResult result) => Markup.Block(Markup.Table("McNemar exact test", Header, [Row("Decisions", result)]));

    /// <summary>McNemar on the diseased cases (sensitivity) and on the non-diseased cases (specificity).</summary>
    public static string Decisions(PairedDecisionComparison comparison) => Markup.Block(Markup.Table(
        "McNemar exact tests, A against B", Header,
        [Row("Sensitivity (diseased)", comparison.Sensitivity), Row("Specificity (not diseased)", comparison.Specificity)]));

    private static IReadOnlyList<Cell> Row(string label, McNemarResult r) =>
    [
        Markup.Encode(label), Cell.Numeric(Markup.Count(r.Cases)), Cell.Numeric(Markup.Count(r.OnlyACorrect)),
        Cell.Numeric(Markup.Count(r.OnlyBCorrect)), Cell.Numeric(Markup.PValue(r.PValue)), Cell.Numeric(Markup.PValue(r.MidPValue)),
    ];
}
