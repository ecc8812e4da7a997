using System.Text.Json;
using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Files;

namespace CovidCt.Cli.Commands;

/// <summary>Text and JSON of <c>metrics jafroc</c>.</summary>
internal static class JafrocOutput
{
    public static void Text(TextWriter output, JafrocAnalysis a, JafrocAnalysis? b, IReadOnlyList<JafrocComparison>? comparisons)
    {
        var console = TextConsole.Create(output);
        Describe(console, b is null ? "" : "A: ", a);
        if (b is not null) Describe(console, "B: ", b);
        if (comparisons is null) return;
        console.Line();
        console.Line($"A − B (paired jackknife over {Unit(a)}, t test):");
        foreach (var c in comparisons) console.Line($"  {Jafroc.Name(c.A.Figure),-6} {ComparisonText(c)}");
    }

    private static void Describe(Spectre.Console.IAnsiConsole console, string prefix, JafrocAnalysis analysis)
    {
        var w = analysis.Weighted;
        console.Line($"{prefix}{analysis.Path}: {TextFormat.Count(w.NormalCases + w.DiseasedCases)} cases, {TextFormat.Count(w.NormalCases)} normal and "
            + $"{TextFormat.Count(w.DiseasedCases)} with {TextFormat.Count(w.Lesions)} lesions ({TextFormat.Count(w.UnmarkedLesions)} unmarked); jackknife over {TextFormat.Count(w.Clusters)} {Unit(analysis)}");
        foreach (var r in new[] { analysis.Weighted, analysis.Afroc })
        {
            console.Line($"  {Jafroc.Name(r.Figure),-6} {ResultText(r)}");
            foreach (var caveat in r.Caveats) console.Line($"         caveat: {caveat}");
        }
    }

    private static string Unit(JafrocAnalysis analysis) => analysis.ByPatient ? "patients" : "cases";

    private static string ResultText(JafrocResult r)
    {
        if (r.FigureOfMerit.Value is not { } v) return $"undefined ({r.FigureOfMerit.UndefinedReason})";
        var interval = r.FigureOfMerit.Interval is { } ci
            ? $"{TextFormat.Level(ci.Level)} CI {TextFormat.Number(ci.Lower, "0.0000")}–{TextFormat.Number(ci.Upper, "0.0000")}, SE {TextFormat.Number(r.StandardError!.Value, "0.0000")}"
            : $"no interval: {r.IntervalUndefinedReason}";
        return $"{TextFormat.Number(v, "0.0000")} ({interval})";
    }

    private static string ComparisonText(JafrocComparison c)
    {
        if (c.Difference is not { } d) return $"undefined ({c.UndefinedReason})";
        var text = $"{TextFormat.Number(c.A.FigureOfMerit.Value!.Value, "0.0000")} − {TextFormat.Number(c.B.FigureOfMerit.Value!.Value, "0.0000")} = {TextFormat.Number(d, "+0.0000;−0.0000;0.0000")} "
            + $"({TextFormat.Level(c.DifferenceInterval!.Level)} CI {TextFormat.SignedInterval(c.DifferenceInterval)}), t({TextFormat.Number(c.DegreesOfFreedom, "0")}) = {TextFormat.Number(c.T!.Value, "0.00")}, p {TextFormat.Number(c.PValue!.Value, "0.0000")}";
        return c.Caveats.Count == 0 ? text : $"{text}; caveat: {string.Join("; ", c.Caveats)}";
    }

    public static void Json(TextWriter output, JafrocAnalysis a, JafrocAnalysis? b, IReadOnlyList<JafrocComparison>? comparisons) => JsonOutput.Write(output, j =>
    {
        Analysis(j, a);
        if (b is not null)
        {
            j.Writer.WriteStartObject("b");
            Analysis(j, b);
            j.Writer.WriteEndObject();
        }
        if (comparisons is null) return;
        j.Writer.WriteStartObject("comparison");
        foreach (var c in comparisons) Comparison(j, Key(c.A.Figure), c);
        j.Writer.WriteEndObject();
    });

    private static string Key(JafrocFigure figure) => figure == JafrocFigure.WeightedAfroc ? "wafroc" : "afroc";

    private static void Analysis(JsonOutput j, JafrocAnalysis analysis)
    {
        var w = j.Writer;
        var r = analysis.Weighted;
        w.WriteString("file", analysis.Path);
        w.WriteNumber("cases", r.NormalCases + r.DiseasedCases);
        w.WriteNumber("normal_cases", r.NormalCases);
        w.WriteNumber("diseased_cases", r.DiseasedCases);
        w.WriteNumber("lesions", r.Lesions);
        w.WriteNumber("unmarked_lesions", r.UnmarkedLesions);
        w.WriteNumber("clusters", r.Clusters);
        w.WriteString("cluster_unit", analysis.ByPatient ? "patient" : "case");
        Result(j, "wafroc", analysis.Weighted);
        Result(j, "afroc", analysis.Afroc);
    }

    /// <summary>A figure of merit as an estimate (numerator = weighted wins, denominator = comparisons) with its jackknife SE, the reason for a missing interval, and caveats.</summary>
    public static void Result(JsonOutput j, string name, JafrocResult r)
    {
        var w = j.Writer;
        w.WriteStartObject(name);
        j.Estimate("figure_of_merit", r.FigureOfMerit);
        j.Number("standard_error", r.StandardError);
        w.WriteString("ci_undefined", r.IntervalUndefinedReason);
        Caveats(j, r.Caveats);
        w.WriteEndObject();
    }

    // The document compare's lesions section writes too (null t where it is infinite: JSON has no infinity; the caveat says why).
    private static void Comparison(JsonOutput j, string name, JafrocComparison c)
    {
        j.Writer.WritePropertyName(name);
        JsonSerializer.Serialize(j.Writer, JafrocDifferenceDocument.Of(c), OutputJson.Options);
    }

    private static void Caveats(JsonOutput j, IReadOnlyList<string> caveats)
    {
        j.Writer.WriteStartArray("caveats");
        foreach (var caveat in caveats) j.Writer.WriteStringValue(caveat);
        j.Writer.WriteEndArray();
    }
}
