using System.Globalization;
using CovidCt.Interactive.Html;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Formatting;

/// <summary>
/// HTML for the published-figure solver: the published percentages on the first row, then each candidate table with
/// its recomputed percentages; a figure that does not round to the published one is red and starred.
/// </summary>
public static class SolverHtml
{
    /// <summary>Every exact solution, or, when there is none, the closest fits and a sentence saying so.</summary>
    public static string Result(SolverResult result)
    {
        var fits = result.HasExactSolution ? result.ExactSolutions : result.ClosestFits;
        var summary = result.HasExactSolution
            ? $"{fits.Count} table(s) reproduce every published figure."
            : $"No table reproduces every published figure. The {fits.Count} closest, by largest deviation (percentage points):";
        return Markup.Block(Markup.Paragraph(summary), FitsTable(result.Figures, fits));
    }

    /// <summary>One candidate table checked against the published figures.</summary>
    public static string Fit(SolverFit fit) => Markup.Block(
        Markup.Paragraph(fit.IsExact ? "These counts reproduce every figure." : "These counts do not reproduce every figure."),
        Markup.Table(null, ["TP", "FN", "TN", "FP", .. fit.Checks.Select(c => FigureLabel(c.Name)), "Largest deviation"],
            [Row(fit), [.. Enumerable.Repeat<Cell>("", 4), .. fit.Checks.Select(c => Cell.Numeric($"published {Published(c.Published)}")), ""]]));

    private static string FitsTable(PublishedFigures figures, IReadOnlyList<SolverFit> fits)
    {
        var given = figures.Given;
        IReadOnlyList<Cell> published = ["Published", "", "", "", .. given.Select(f => Cell.Numeric(Published(f.Value))), ""];
        return Markup.Table(null, ["TP", "FN", "TN", "FP", .. given.Select(f => FigureLabel(f.Key)), "Largest deviation"],
            [published, .. fits.Select(Row)]);
    }

    private static IReadOnlyList<Cell> Row(SolverFit fit) =>
    [
        Cell.Numeric(Markup.Count(fit.Counts.TruePositives)), Cell.Numeric(Markup.Count(fit.Counts.FalseNegatives)),
        Cell.Numeric(Markup.Count(fit.Counts.TrueNegatives)), Cell.Numeric(Markup.Count(fit.Counts.FalsePositives)),
        .. fit.Checks.Select(Check),
        Cell.Numeric(double.IsInfinity(fit.LargestDeviation) ? Markup.Undefined("a denominator is 0") : Markup.Number(fit.LargestDeviation, 4)),
    ];

    private static Cell Check(FigureCheck check)
    {
        if (double.IsNaN(check.Recomputed)) return Cell.Numeric(Markup.Undefined("denominator is 0"));
        var value = Markup.Number(check.Recomputed);
        return Cell.Numeric(check.Matches ? value : $"<span class=\"miss\" title=\"does not round to {Published(check.Published)}\">{value} *</span>");
    }

    private static string Published(decimal percent) => percent.ToString(CultureInfo.InvariantCulture) + "%";

    private static string FigureLabel(string name) => name switch
    {
        "ppv" => "PPV",
        "npv" => "NPV",
        _ => char.ToUpperInvariant(name[0]) + name[1..],
    };
}
