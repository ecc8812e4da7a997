using System.Globalization;
using CovidCt.Cli.Output;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Clustering;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Files;
using CovidCt.Reporting.Html;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>
/// What <c>covidct compare</c> prints: with --json the comparison document; otherwise (unless --quiet) the tables side by side,
/// the paired tests, Newcombe's paired differences, the per-image tests clustered by patient, the paired wAFROC comparison at the
/// lesion level (<see cref="CompareLesionConsole"/>), reclassification and the partial AUCs
/// (<see cref="CompareReclassificationConsole"/>) and the patients the models disagree on.
/// Each model's operating point is stated (with --tune-on, where it was chosen); a degenerate AUC or paired DeLong test carries its
/// caveat under its table (<see cref="StatisticCaveats"/>, the wording report.html and the notebooks use). On an image-level cohort the patient-level parts are left out, with the line evaluate prints (<see cref="CohortLevelText.NoPatientTable"/>).
/// </summary>
internal static class CompareConsole
{
    public static void Write(TextWriter output, CompareSettings settings, CompareRun run)
    {
        if (settings.Json) output.Write(OutputJson.Serialize(Document(settings, run)));
        else if (!settings.Quiet) Text(output, settings, run);
    }

    private static ComparisonDocument Document(CompareSettings settings, CompareRun run)
    {
        var document = ComparisonDocument.Of(run.Comparison, settings.Manifest, settings.Split);
        return document with
        {
            Models = document.Models.Select((m, i) => m with { PipelineFile = settings.PipelineFiles[i] }).ToArray(),
            Tuning = run.Tuned is { } tuned ? ComparisonTuningDocument.Of(tuned) : null,
        };
    }

    private static void Text(TextWriter output, CompareSettings settings, CompareRun run)
    {
        var (manifest, split, comparison) = (settings.Manifest, settings.Split, run.Comparison);
        var console = TextConsole.Create(output);
        var runs = comparison.Models;
        var names = runs.Select(r => r.Name).ToArray();
        var e0 = runs[0].Evaluation;
        // An image-level cohort has no patients: every patient-level section gives way to one line saying why (as in evaluate).
        var patients = CohortLevelText.HasPatientTable(manifest);
        console.Line();
        console.Line($"Cohort: {manifest.Path}, split {CohortSplitNames.NameOrAll(split)}: {CohortLevelText.Cases(manifest, e0)}, {e0.ImageCounts.Total} slices with known truth");
        for (var i = 0; i < runs.Count; i++)
        {
            var p = runs[i].RequireProvenance();
            console.Line($"{runs[i].Name}: {p.ModelPath} ({p.Architecture} {p.Version}); operating point {Origin(settings, run, i)}: {OperatingPointText.DescribeAgainstStudy(p.Options)}");
        }
        if (run.Tuned is { } tuned) CompareTunedConsole.Write(console, tuned, split);
        if (patients)
        {
            // As evaluate warns before its per-patient table: a knife-edge call of one model can be the whole difference between two.
            foreach (var r in runs)
            {
                if (FragileCallText.Warning(r.Evaluation) is { } fragile) console.Line($"Warning: {r.Name}: {fragile}");
            }
            SideBySide(console, "Per patient", runs.Select(r => (r.Evaluation.PatientMetrics, (Estimate?)r.Evaluation.PatientRoc.Auc)).ToArray(), names);
            Caveats(console, runs.SelectMany(r => StatisticCaveats.Auc(r.Evaluation.PatientRoc).Select(c => $"{r.Name}, patient AUC: {c}")));
        }
        else
        {
            console.Line();
            console.Line(CohortLevelText.NoPatientTable);
        }
        SideBySide(console, "Per image", runs.Select(r => (r.Evaluation.ImageMetrics, r.Evaluation.ImageRoc?.Auc)).ToArray(), names);
        Caveats(console, runs.SelectMany(r => r.Evaluation.ImageRoc is { } roc ? StatisticCaveats.Auc(roc).Select(c => $"{r.Name}, image AUC: {c}") : []));
        console.Line();
        console.Line("Paired tests (two-sided; McNemar exact on the discordant cases, DeLong on the AUCs of the same cases):");
        var table = TextConsole.Table("Pair", "Level", "Sensitivity: only A / only B correct, p", "Specificity: only A / only B correct, p", "AUC A − B (95% CI), p");
        foreach (var tests in PatientThenImage(comparison, patients))
        {
            table.AddTextRow($"{tests.ModelA} vs {tests.ModelB}", LevelName(tests.Level),
                McNemarText(tests.Decisions.Sensitivity), McNemarText(tests.Decisions.Specificity), DeLongText(tests));
        }
        console.Write(table);
        Caveats(console, PatientThenImage(comparison, patients).Where(t => t.DeLong is not null)
            .SelectMany(t => StatisticCaveats.PairedDeLong(t.DeLong!).Select(c => $"{t.ModelA} vs {t.ModelB}, {LevelName(t.Level)} AUC difference: {c}")));
        Differences(console, comparison, patients);
        Clustered(console, comparison);
        CompareLesionConsole.Write(console, comparison.LesionTests);
        CompareReclassificationConsole.Write(console, PatientThenImage(comparison, patients).ToArray());
        if (!patients) return;
        var disagree = comparison.DisagreeingPatients;
        console.Line();
        if (disagree.Count == 0)
        {
            console.Line("The models agree on every patient.");
            return;
        }
        console.Line($"Patients on which they disagree ({disagree.Count}):");
        var rows = TextConsole.Table(["Patient", "Label", .. names]);
        foreach (var id in disagree)
        {
            var outcomes = comparison.OutcomesOf(id);
            rows.AddTextRow([id, outcomes[0].Outcome.IsCovid ? "covid" : "control", .. outcomes.Select(o => CallText(o.Outcome.Result.Decision))]);
        }
        console.Write(rows);
        if (disagree.Any(id => comparison.OutcomesOf(id).Any(o => o.Outcome.Result.Decision.Fragility is not null)))
        {
            console.Line($"(fragile): a box moved by {FragileCall.WithinPixels.ToString("0.0", CultureInfo.InvariantCulture)} px across a quadrant split line would flip that call (the warning above names the run)");
        }
    }

    private static string CallText(PatientDecision decision) =>
        (decision.IsPositive ? "positive" : "negative") + (decision.Fragility is null ? "" : " (fragile)");

    // Where each run's operating point came from: chosen on the tuning split, read from a pipeline.json, or the study's (--model).
    private static string Origin(CompareSettings settings, CompareRun run, int index) =>
        run.Tuned is not null ? $"chosen on {CohortSplitNames.NameOrAll(run.Tuned[index].Tuned.TunedOn)}"
        : settings.PipelineFiles[index] is { } file ? $"from {file}"
        : "as given (--model)";

    // A degenerate statistic (zero-width interval, too few cases, one threshold) looks precise in a table: each says so under it.
    private static void Caveats(IAnsiConsole console, IEnumerable<string> caveats)
    {
        foreach (var caveat in caveats) console.Line($"Caveat, {caveat}");
    }

    private static string LevelName(ComparisonLevel level) => level == ComparisonLevel.Patient ? "patient" : "image";

    private static void Differences(IAnsiConsole console, ModelComparison comparison, bool patients)
    {
        var level = TextFormat.Level(comparison.Models[0].Evaluation.ImageMetrics.Level);
        console.Line();
        console.Line($"Paired differences A − B ({level} CI, Newcombe's paired method; per image it treats slices as independent):");
        var table = TextConsole.Table("Pair", "Level", "Sensitivity A − B", "Specificity A − B");
        foreach (var tests in PatientThenImage(comparison, patients))
        {
            table.AddTextRow($"{tests.ModelA} vs {tests.ModelB}", LevelName(tests.Level),
                DifferenceText(tests.SensitivityDifference), DifferenceText(tests.SpecificityDifference));
        }
        console.Write(table);
    }

    // Per image, the tests clustered by patient go beside the ones above, which treat slices as independent.
    private static void Clustered(IAnsiConsole console, ModelComparison comparison)
    {
        var images = PatientThenImage(comparison, patients: false).ToArray();
        console.Line();
        if (images.FirstOrDefault()?.Clustered is not { } first)
        {
            console.Line(ClusteredImageTable.NotClustered);
            return;
        }
        console.Line($"Per image, {first.Method} (the image rows above treat slices as independent):");
        var table = TextConsole.Table("Pair", "Sensitivity: only A / only B correct, A − B (CI), p", "Specificity: only A / only B correct, A − B (CI), p", "AUC A − B (CI), p");
        foreach (var tests in images)
        {
            var c = tests.Clustered!;
            table.AddTextRow($"{tests.ModelA} vs {tests.ModelB}", ClusteredMcNemarText(c.Decisions.Sensitivity), ClusteredMcNemarText(c.Decisions.Specificity),
                c.Auc is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d.Difference:0.000} ({TextFormat.SignedInterval(d.DifferenceInterval, "0.000")}), {P(d.PValue)}") : $"undefined: {c.AucUndefined}");
        }
        console.Write(table);
    }

    // Each pair's patient test, then its image test; the image tests alone when the cohort has no patients.
    private static IEnumerable<PairedModelTest> PatientThenImage(ModelComparison comparison, bool patients) =>
        comparison.Tests.Where(t => t.Level == ComparisonLevel.Patient)
            .SelectMany(pair => patients ? new[] { pair, comparison.Test(pair.ModelA, pair.ModelB, ComparisonLevel.Image) } : [comparison.Test(pair.ModelA, pair.ModelB, ComparisonLevel.Image)]);

    private static string DifferenceText(Estimate d) => d.Value is { } v
        ? $"{TextFormat.Number(v, "+0.0000;-0.0000;0.0000")} ({(d.Interval is { } ci ? TextFormat.SignedInterval(ci) : "no interval")})"
        : $"undefined ({d.UndefinedReason})";

    private static string ClusteredMcNemarText(ClusteredMcNemarResult r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.OnlyACorrect} / {r.OnlyBCorrect}, {DifferenceText(r.Difference)}, {P(r.PValue)}");

    private static void SideBySide(IAnsiConsole console, string title, (DiagnosticMetrics Metrics, Estimate? Auc)[] columns, string[] names)
    {
        console.Line();
        console.Line($"{title} ({TextFormat.Level(columns[0].Metrics.Level)} CI, {ProportionIntervals.Name(columns[0].Metrics.Method)}; AUC: DeLong)");
        var table = TextConsole.Table(["Metric", .. names]);
        foreach (var name in StudyColumns.Metrics)
        {
            table.AddTextRow([TextFormat.Label(name), .. columns.Select(c => Cell(name, c.Metrics.All.First(m => m.Key == name).Value))]);
        }
        table.AddTextRow(["AUC", .. columns.Select(c => c.Auc is { } auc ? Cell("auc", auc) : "undefined: no slice with known truth")]);
        table.AddTextRow(["TP/FN/TN/FP", .. columns.Select(c => $"{c.Metrics.Counts.TruePositives}/{c.Metrics.Counts.FalseNegatives}/{c.Metrics.Counts.TrueNegatives}/{c.Metrics.Counts.FalsePositives}")]);
        console.Write(table);
    }

    private static string Cell(string metric, Estimate estimate) => estimate.Value is null
        ? $"undefined ({estimate.UndefinedReason})"
        : $"{TextFormat.Value(metric, estimate)} ({TextFormat.Interval(metric, estimate)})";

    private static string McNemarText(McNemarResult r) => string.Create(CultureInfo.InvariantCulture, $"{r.OnlyACorrect} / {r.OnlyBCorrect}, {P(r.PValue)}");

    private static string DeLongText(PairedModelTest tests) => tests.DeLong is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{d.Difference:0.000} ({TextFormat.SignedInterval(d.DifferenceInterval, "0.000")}), {P(d.PValue)}")
        : $"undefined: {tests.DeLongUndefinedReason}";

    private static string P(double p) => p < 0.0001 ? "p < 0.0001" : string.Create(CultureInfo.InvariantCulture, $"p = {p:0.0000}");
}
