using CovidCt.Interactive.Html;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Formatting;

/// <summary>
/// HTML for a planned study's size (<see cref="SampleSize"/>): the cases of each class, the total to enrol at the stated
/// prevalence, what the rounded counts achieve (a half-width or a power) and the formula, with its planning caveat.
/// </summary>
public static class SampleSizeHtml
{
    /// <summary>One row; a class the statistic does not need and a total without a prevalence show as a dash with the reason.</summary>
    public static string Result(SampleSizeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // The width formulas achieve a half-width; the test formulas achieve a power (SampleSizeResult.Achieved).
        var power = result.Method.EndsWith("test", StringComparison.Ordinal);
        var table = Markup.Table(null, ["Diseased", "Non-diseased", "Total to enrol", power ? "Power achieved" : "Half-width achieved", "Method"],
        [[
            Cell.Numeric(Count(result.Diseased, "not needed for this statistic")), Cell.Numeric(Count(result.NonDiseased, "not needed for this statistic")),
            Cell.Numeric(Count(result.Total, "no prevalence given")),
            Cell.Numeric(power ? Markup.Percent(result.Achieved, 1) : Markup.Number(result.Achieved, 4)), Markup.Encode(result.Method),
        ]]);
        return Markup.Block(table, result.Caveat is { } caveat ? Markup.Paragraph($"Caveat: {caveat}") : "");
    }

    private static string Count(long? count, string whyNone) => count is { } n ? Markup.Count(n) : $"— ({Markup.Encode(whyNone)})";
}
