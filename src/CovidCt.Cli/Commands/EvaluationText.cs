using System.Globalization;
using CovidCt.Cli.Output;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>The text of <c>covidct evaluate</c>: what ran, both tables beside the study's published figures, and the files written.</summary>
internal static class EvaluationText
{
    private static readonly string[] Reported = ["sensitivity", "specificity", "accuracy", "ppv", "npv"];

    public static void Write(TextWriter output, ModelRun run, CohortManifest manifest, CohortSplit? split, string outFolder, int figures)
    {
        var console = TextConsole.Create(output);
        var e = run.Evaluation;
        var o = run.Pipeline.Options;
        var c = CultureInfo.InvariantCulture;
        var covid = e.Patients.Count(p => p.IsCovid);
        console.Line();
        console.Line($"Model:  {run.ModelPath} ({run.Pipeline.Architecture} {run.Pipeline.Version}, sha256 {run.Pipeline.Sha256[..12]})");
        console.Line($"Cohort: {manifest.Path}, split {EvaluationRun.SplitName(split)}: {e.Patients.Count} patients ({covid} COVID-19, {e.Patients.Count - covid} control), {e.Patients.Sum(p => p.Result.Slices.Count)} slices");
        console.Line(string.Create(c, $"Rule:   boxes at p >= {o.LesionBoxes.Threshold:0.00} with more than {o.LesionBoxes.MinPixels} pixels; patient positive with {o.PatientRule.ConsecutiveSlices} consecutive slices in one quadrant"));
        console.Line($"Cache:  {run.CachedPatients} of {e.Patients.Count} patients' probability maps reused from {run.CacheFolder}");
        Table(console, $"Per patient ({e.PatientCounts.Total} patients)", e.PatientMetrics, e.PatientRoc.Auc, ChenEtAl2020.RetrospectivePerPatient);
        var unknown = e.ImagesWithoutTruth > 0 ? $"; {e.ImagesWithoutTruth} slices without truth left out" : "";
        Table(console, $"Per image ({e.ImageCounts.Total} slices with known truth{unknown})", e.ImageMetrics, e.ImageRoc?.Auc, ChenEtAl2020.RetrospectivePerImage);
        console.Line();
        console.Line("The study's figures come from 42 real patients (11 COVID-19, 31 control) and 13,751 images; this cohort is another population, so read them side by side, not as a test.");
        console.Line($"Wrote {outFolder}: metrics.json, slices.csv, patients.csv, report.html, {figures} red-box figures of wrong slices in figures/");
    }

    private static void Table(IAnsiConsole console, string title, DiagnosticMetrics metrics, Estimate? auc, PublishedTable published)
    {
        var given = published.Figures.Given.ToDictionary(f => f.Key, f => f.Value);
        var counts = metrics.Counts;
        console.Line();
        console.Line($"{title}: TP {counts.TruePositives:N0}, FN {counts.FalseNegatives:N0}, TN {counts.TrueNegatives:N0}, FP {counts.FalsePositives:N0}");
        var table = TextConsole.Table("Metric", "This run", "Count", $"{TextFormat.Level(metrics.Level)} CI ({ProportionIntervals.Name(metrics.Method)})", "Chen et al. 2020");
        foreach (var (name, estimate) in metrics.All.Where(m => Reported.Contains(m.Key)))
        {
            table.AddTextRow(TextFormat.Label(name), TextFormat.Value(name, estimate), TextFormat.Fraction(name, estimate), TextFormat.Interval(name, estimate),
                given.TryGetValue(name, out var p) ? string.Create(CultureInfo.InvariantCulture, $"{p:0.00}%") : "—");
        }
        if (auc is not null) table.AddTextRow("AUC", TextFormat.Value("auc", auc), "", TextFormat.Interval("auc", auc) + (auc.Interval is null ? "" : " (DeLong)"), "not published");
        console.Write(table);
    }
}
