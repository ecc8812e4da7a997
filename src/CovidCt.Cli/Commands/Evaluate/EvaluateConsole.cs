using CovidCt.Data.Cohorts;
using System.Globalization;
using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Reporting.Clustering;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Files;
using CovidCt.Reporting.Html;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>
/// What <c>covidct evaluate</c> prints: with --json the metrics.json document; otherwise (unless --quiet) what ran, both tables
/// beside the study's published figures, and the files written.
/// </summary>
internal static class EvaluateConsole
{
    public static void Write(TextWriter output, EvaluateSettings settings, EvaluateResult result)
    {
        if (settings.Json) output.Write(OutputJson.Serialize(result.Document));
        else if (!settings.Quiet) Text(output, settings, result);
    }

    private static void Text(TextWriter output, EvaluateSettings settings, EvaluateResult result)
    {
        var console = TextConsole.Create(output);
        var (manifest, split, outFolder, figures) = (settings.Manifest, settings.Split, settings.OutFolder, result.Figures);
        var e = result.Run.Evaluation;
        var p = result.Run.RequireProvenance();
        var o = p.Options;
        var c = CultureInfo.InvariantCulture;
        console.Line();
        console.Line($"Model:  {p.ModelPath} ({p.Architecture} {p.Version}, sha256 {p.Pipeline.ModelSha256[..12]})");
        console.Line($"Cohort: {manifest.Path}, split {CohortSplitNames.NameOrAll(split)}: {CohortLevelText.Cases(manifest, e)}, {Plural.Count(e.Patients.Sum(p => p.Result.Slices.Count), "slice")}");
        console.Line(string.Create(c, $"Rule:   boxes at p >= {o.LesionBoxes.Threshold:0.00} with more than {o.LesionBoxes.MinPixels} pixels; patient positive with {o.PatientRule.ConsecutiveSlices} consecutive slices in one quadrant"));
        console.Line($"Score:  per-image ROC ranks slices by {ImageScoreNames.Meaning(e.ImageScore)} ({ImageScoreNames.Key(e.ImageScore)})");
        // Printed only off the default, so the study's run keeps its header and a whole-slice run says so before its numbers.
        if (o.Preprocessing.Framing == SliceFraming.Image) console.Line("Frame:  the model sees the whole slice (framing image), not the patient framed on its body");
        console.Line($"Cache:  {p.CachedPatients} of {e.Patients.Count} {Plural.Noun(e.Patients.Count, "patient's", "patients'")} probability maps reused from {p.CacheFolder}");
        if (CohortLevelText.HasPatientTable(manifest))
        {
            // Before the numbers, so a call that rests on a knife edge is read as such (patients.csv, metrics.json and report.html mark it too).
            if (FragileCallText.Warning(e) is { } fragile) console.Line($"Warning: {fragile}");
            Table(console, $"Per patient ({Plural.Count(e.PatientCounts.Total, "patient")})", e.PatientMetrics, e.PatientRoc.Auc, ChenEtAl2020.RetrospectivePerPatient, null);
            Caveats(console, "Per patient", e.PatientRoc);
        }
        else
        {
            console.Line();
            console.Line(CohortLevelText.NoPatientTable);
        }
        var unknown = e.ImagesWithoutTruth > 0 ? $"; {Plural.Count(e.ImagesWithoutTruth, "slice")} without truth left out" : "";
        var clustered = ClusteredImageTable.Of(e);
        Table(console, $"Per image ({Plural.Count(e.ImageCounts.Total, "slice")} with known truth{unknown})", e.ImageMetrics, e.ImageRoc?.Auc, ChenEtAl2020.RetrospectivePerImage, clustered);
        if (clustered is null) console.Line(ClusteredImageTable.NotClustered);
        else
        {
            console.Line(ClusteredText.Legend(clustered, e.ImageMetrics));
            foreach (var caveat in clustered.Caveats) console.Line($"Note: {caveat}");
        }
        if (e.ImageRoc is { } imageRoc) Caveats(console, "Per image", imageRoc);
        if (result.Run.Lesions is { } lesions) LesionLines(console, lesions);
        console.Line();
        console.Line("The study's figures come from 42 real patients (11 COVID-19, 31 control) and 13,751 images; this cohort is another population, so read them side by side, not as a test.");
        var tables = (CohortLevelText.HasPatientTable(manifest) ? "slices.csv, patients.csv" : "slices.csv") + (result.Run.Lesions is null ? "" : $", {LesionTables.LesionsName}, {LesionTables.SlicesName}");
        var windows = settings.Windows is null ? "" : $"{PerImageWindows.FileName}, ";
        console.Line($"Wrote {outFolder}: metrics.json, {tables}, {windows}report.html, parquet/ (slices and patients), {(figures is { } drawn ? $"{drawn} red-box figures of wrong slices in figures/" : "no red-box figures (not drawn: --figures none)")}");
    }

    // The AUC caveats report.html and the notebooks carry (StatisticCaveats, one wording), in report.html's words.
    private static void Caveats(IAnsiConsole console, string level, RocCurve roc)
    {
        foreach (var caveat in StatisticCaveats.Auc(roc)) console.Line($"{level} AUC, caveat: {caveat}");
    }

    private static void LesionLines(IAnsiConsole console, Pipelines.Evaluation.LesionEvaluation lesions)
    {
        console.Line();
        console.Line($"Lesion level: {LesionText.Describe(lesions)}");
        var table = TextConsole.Table("Lesion-level result", "This run");
        foreach (var (name, value) in LesionText.Rows(lesions)) table.AddTextRow(name, value);
        console.Write(table);
        foreach (var note in LesionText.Notes(lesions)) console.Line($"Note: {note}");
    }

    // With slices clustered by patient, a column of the clustered intervals goes beside the plain ones (the legend line says which is which).
    private static void Table(IAnsiConsole console, string title, DiagnosticMetrics metrics, Estimate? auc, PublishedTable published, ClusteredImageTable? clustered)
    {
        var counts = metrics.Counts;
        console.Line();
        console.Line($"{title}: TP {counts.TruePositives:N0}, FN {counts.FalseNegatives:N0}, TN {counts.TrueNegatives:N0}, FP {counts.FalsePositives:N0}");
        var plain = $"{TextFormat.Level(metrics.Level)} CI ({ProportionIntervals.Name(metrics.Method)})";
        var table = clustered is null
            ? TextConsole.Table("Metric", "This run", "Count", plain, "Chen et al. 2020")
            : TextConsole.Table("Metric", "This run", "Count", plain, ClusteredText.Heading(metrics.Level), "Chen et al. 2020");
        string[] Cells(string label, string metric, string value, string count, string interval, string study) =>
            clustered is null ? [label, value, count, interval, study] : [label, value, count, interval, ClusteredText.Cell(clustered, metric), study];
        foreach (var (name, estimate) in metrics.All.Where(m => StudyColumns.Metrics.Contains(m.Key)))
        {
            table.AddTextRow(Cells(TextFormat.Label(name), name, TextFormat.Value(name, estimate), TextFormat.Fraction(name, estimate), TextFormat.Interval(name, estimate),
                StudyColumns.Published(published, name)));
        }
        if (auc is not null)
        {
            table.AddTextRow(Cells("AUC", "auc", TextFormat.Value("auc", auc), "", TextFormat.Interval("auc", auc) + (auc.Interval is null ? "" : " (DeLong)"), "not published"));
        }
        console.Write(table);
    }
}
