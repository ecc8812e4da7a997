using CovidCt.Cli.Output;
using CovidCt.Metrics;

namespace CovidCt.Cli.Commands;

/// <summary>JSON of published figures and solver fits, shared by <c>metrics solve</c> and <c>paper</c>.</summary>
internal static class SolverJson
{
    public static void Figures(JsonOutput j, PublishedFigures figures)
    {
        var w = j.Writer;
        w.WriteStartObject("published");
        foreach (var (name, value) in figures.Given) w.WriteNumber(name, value);
        w.WriteNumber("decimals", figures.Decimals);
        w.WriteString("rounding", figures.Rounding == RoundingRule.HalfEven ? "half-even" : "half-up");
        w.WriteEndObject();
    }

    public static void Fits(JsonOutput j, string name, IReadOnlyList<SolverFit> fits)
    {
        var w = j.Writer;
        w.WriteStartArray(name);
        foreach (var fit in fits) Fit(j, fit);
        w.WriteEndArray();
    }

    public static void Fit(JsonOutput j, SolverFit fit, string? name = null)
    {
        var w = j.Writer;
        if (name is null) w.WriteStartObject();
        else w.WriteStartObject(name);
        w.WriteNumber("tp", fit.Counts.TruePositives);
        w.WriteNumber("fn", fit.Counts.FalseNegatives);
        w.WriteNumber("tn", fit.Counts.TrueNegatives);
        w.WriteNumber("fp", fit.Counts.FalsePositives);
        j.Number("largest_deviation", fit.LargestDeviation);
        w.WriteBoolean("exact", fit.IsExact);
        w.WriteStartArray("checks");
        foreach (var check in fit.Checks)
        {
            w.WriteStartObject();
            w.WriteString("name", check.Name);
            w.WriteNumber("published", check.Published);
            j.Number("recomputed", check.Recomputed);
            j.Number("deviation", check.Deviation);
            w.WriteBoolean("matches", check.Matches);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
