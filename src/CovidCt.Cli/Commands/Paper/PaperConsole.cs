using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>How <c>paper</c> shows its report: the published tables beside the recomputed ones as text, or one JSON object.</summary>
internal static class PaperConsole
{
    private const string Citation = "Chen J, Wu L, Zhang J, et al. Deep learning-based model for detecting 2019 novel coronavirus pneumonia on high-resolution computed tomography. Sci Rep 10:19196 (2020)";
    private const string Doi = "10.1038/s41598-020-76282-0";

    private static readonly string[] Reported = ["sensitivity", "specificity", "accuracy", "ppv", "npv"];

    /// <summary>The tables and findings as text.</summary>
    public static void Text(TextWriter output, PaperReport report)
    {
        var console = TextConsole.Create(output);
        console.Line(Citation + ".");
        console.Line("Published percentages beside the same metrics recomputed from the confusion counts they imply, with confidence intervals.");
        foreach (var t in report.Tables)
        {
            var c = t.Used.Counts;
            console.Line();
            console.Line($"{t.Published.Title} ({t.Published.Positives:N0} COVID-19, {t.Published.Negatives:N0} control {t.Published.Unit}s)");
            console.Line($"Counts: TP {c.TruePositives:N0}, FN {c.FalseNegatives:N0}, TN {c.TrueNegatives:N0}, FP {c.FalsePositives:N0}"
                + (t.UsedIsExact ? " (reproduce every published figure)" : " (closest fit; NO table reproduces every published figure)"));
            var m = t.Recomputed;
            var table = TextConsole.Table("Metric", "Published", "Recomputed", "Count", $"{TextFormat.Level(m.Level)} CI ({ProportionIntervals.Name(m.Method)})");
            var published = t.Published.Figures.Given.ToDictionary(f => f.Key, f => f.Value);
            foreach (var (name, estimate) in m.All.Where(e => Reported.Contains(e.Key)))
            {
                table.AddTextRow(TextFormat.Label(name), $"{published[name]:0.00}%", TextFormat.Value(name, estimate), TextFormat.Fraction(name, estimate), TextFormat.Interval(name, estimate));
            }
            console.Write(table);
        }
        console.Line();
        console.Line("Findings:");
        foreach (var finding in report.Findings) console.Line($"- {finding}");
    }

    /// <summary>The report as one JSON object (<c>--json</c>).</summary>
    public static void Json(TextWriter output, PaperReport report) => JsonOutput.Write(output, j =>
    {
        var w = j.Writer;
        w.WriteStartObject("study");
        w.WriteString("citation", Citation);
        w.WriteString("doi", Doi);
        w.WriteEndObject();
        w.WriteString("ci_method", ProportionIntervals.Name(report.Tables[0].Recomputed.Method));
        j.Number("level", report.Tables[0].Recomputed.Level);
        w.WriteStartArray("tables");
        foreach (var t in report.Tables)
        {
            w.WriteStartObject();
            w.WriteString("key", t.Published.Key);
            w.WriteString("title", t.Published.Title);
            w.WriteString("unit", t.Published.Unit);
            w.WriteNumber("positives", t.Published.Positives);
            w.WriteNumber("negatives", t.Published.Negatives);
            SolverJson.Figures(j, t.Published.Figures);
            w.WriteStartArray("searches");
            foreach (var s in t.Searches)
            {
                w.WriteStartObject();
                w.WriteString("constraint", s.Constraint);
                if (s.Total is { } total) w.WriteNumber("total", total);
                else
                {
                    w.WriteNumber("positives", s.Positives!.Value);
                    w.WriteNumber("negatives", s.Negatives!.Value);
                }
                SolverJson.Fits(j, "exact", s.Result.ExactSolutions);
                SolverJson.Fits(j, "closest", s.Result.ClosestFits);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteBoolean("counts_exact", t.UsedIsExact);
            SolverJson.Fit(j, t.Used, "counts");
            j.Metrics("recomputed", t.Recomputed);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("findings");
        foreach (var finding in report.Findings) w.WriteStringValue(finding);
        w.WriteEndArray();
    });
}
