using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Conventions;
using CovidCt.Interactive.Html;
using CovidCt.Metrics;
using CovidCt.Reporting.Runs;

namespace CovidCt.Interactive.Formatting;

/// <summary>HTML for a comparison of several models on the same cohort.</summary>
public static class ModelComparisonHtml
{
    private static readonly string[] Header =
    [
        "Level", "A", "B", "Cases", "AUC A", "AUC B", "AUC A − B (CI)", "DeLong p",
        "Sensitivity: only A / only B right", "McNemar p (sensitivity)", "Specificity: only A / only B right", "McNemar p (specificity)",
    ];

    private static readonly string[] DifferenceHeader = ["Level", "A", "B", "Sensitivity A − B", "Specificity A − B"];

    private static readonly string[] ReclassificationHeader = ["Level", "A", "B", "NRI of the decisions", "Continuous NRI", "IDI"];

    private static readonly string[] LesionHeader = ["A", "B", "wAFROC of A and B, A − B"];

    private static readonly string[] SummaryHeader =
        ["Model", "Patient sensitivity", "Patient specificity", "Patient AUC", "Image sensitivity", "Image specificity", "Image AUC"];

    /// <summary>
    /// First each model at the study's operating point (per-patient and per-image sensitivity and specificity with count and
    /// interval, and both AUCs); then one row per pair and level: the paired DeLong test of the AUCs and McNemar's exact
    /// test for sensitivity and for specificity separately; Newcombe's paired differences; per image the same tests clustered by
    /// patient (<see cref="ClusteredHtml.Comparison"/>); net reclassification and integrated discrimination of B over A per pair and
    /// level (<see cref="PairedModelTest.Reclassification"/>) with their caveats; the paired wAFROC difference at the lesion level
    /// (<see cref="ModelComparison.LesionTests"/>; absent with the reason when no truth mask marks a lesion or a run has no lesion
    /// results); then the patients whose decision differs between models. An
    /// undefined metric or a DeLong test that cannot be computed shows as undefined with its reason.
    /// </summary>
    public static string Comparison(ModelComparison comparison)
    {
        var summary = comparison.Models.Select(m => (IReadOnlyList<Cell>)
        [
            Markup.Encode(m.Name),
            Cell.Numeric(Proportion(m.Evaluation.PatientMetrics.Sensitivity)), Cell.Numeric(Proportion(m.Evaluation.PatientMetrics.Specificity)),
            Cell.Numeric(Auc(m.Evaluation.PatientRoc)),
            Cell.Numeric(Proportion(m.Evaluation.ImageMetrics.Sensitivity)), Cell.Numeric(Proportion(m.Evaluation.ImageMetrics.Specificity)),
            Cell.Numeric(m.Evaluation.ImageRoc is { } roc ? Auc(roc) : Markup.Undefined("no slice has a known truth")),
        ]);
        var rows = comparison.Tests.Select(t => (IReadOnlyList<Cell>)
        [
            LevelName(t.Level), Markup.Encode(t.ModelA), Markup.Encode(t.ModelB),
            Cell.Numeric(Markup.Count(t.Cases)),
            .. DeLongCells(t),
            Cell.Numeric($"{Markup.Count(t.Decisions.Sensitivity.OnlyACorrect)} / {Markup.Count(t.Decisions.Sensitivity.OnlyBCorrect)}"),
            Cell.Numeric(Markup.PValue(t.Decisions.Sensitivity.PValue)),
            Cell.Numeric($"{Markup.Count(t.Decisions.Specificity.OnlyACorrect)} / {Markup.Count(t.Decisions.Specificity.OnlyBCorrect)}"),
            Cell.Numeric(Markup.PValue(t.Decisions.Specificity.PValue)),
        ]);
        var disagreeing = comparison.DisagreeingPatients.Count == 0
            ? "Every model makes the same decision for every patient."
            : $"Patients with different decisions: {string.Join(", ", comparison.DisagreeingPatients)}.";
        return Markup.Block(
            Markup.Table(SummaryCaption(comparison.Models), SummaryHeader, summary),
            RocHtml.Caveats(AucCaveats(comparison.Models)),
            Markup.Table($"{comparison.Models.Count} models on the same cases: paired DeLong and McNemar exact tests", Header, rows),
            RocHtml.Caveats(comparison.Tests.Where(t => t.DeLong is not null).SelectMany(t =>
                StatisticCaveats.PairedDeLong(t.DeLong!).Select(c => $"{LevelName(t.Level)}, {t.ModelA} against {t.ModelB}: {c}"))),
            Markup.Table("Paired differences A − B (Newcombe's paired CI; per image slices taken as independent)", DifferenceHeader, comparison.Tests.Select(t => (IReadOnlyList<Cell>)
            [
                LevelName(t.Level), Markup.Encode(t.ModelA), Markup.Encode(t.ModelB),
                Cell.Numeric(ClusteredHtml.Difference(t.SensitivityDifference)), Cell.Numeric(ClusteredHtml.Difference(t.SpecificityDifference)),
            ])),
            ClusteredHtml.Comparison(comparison),
            Markup.Table("Reclassification of B over A (Pencina 2008; positive favours B; the continuous NRI moves a case up when B scores it higher; "
                + "per image the clustered interval resamples patients)", ReclassificationHeader, comparison.Tests.Select(Reclassification)),
            RocHtml.Caveats(comparison.Tests.SelectMany(t => t.Reclassification.Caveats.Select(c => $"{LevelName(t.Level)}, {t.ModelA} against {t.ModelB}, reclassification: {c}"))),
            Markup.Table(LesionComparisonText.Heading, LesionHeader, comparison.LesionTests.Select(t => (IReadOnlyList<Cell>)
                [Markup.Encode(t.ModelA), Markup.Encode(t.ModelB), Markup.Encode(LesionComparisonText.Describe(t))])),
            RocHtml.Caveats(comparison.LesionTests.SelectMany(t => LesionComparisonText.Caveats(t).Select(c => $"{t.ModelA} against {t.ModelB}, wAFROC difference: {c}"))),
            Markup.Paragraph(disagreeing));
    }

    /// <summary>
    /// The summary table's caption names the post-processing each model ran with: "the study's" only when every run recorded
    /// it and it is the study's; a tuned setting is spelled out, and a run without a recorded setting says so.
    /// </summary>
    internal static string SummaryCaption(IReadOnlyList<ModelRun> models)
    {
        var settings = models.Select(m => (m.Name, Setting: m.Provenance is { } p ? OperatingPointText.Describe(p.Options) : null)).ToArray();
        if (models.All(m => m.Provenance is { } p && OperatingPointText.IsStudys(p.Options))) return "Each model with the study's post-processing";
        if (settings.All(s => s.Setting is not null && s.Setting == settings[0].Setting)) return $"Each model with the same post-processing: {settings[0].Setting}";
        return "Each model with its own post-processing: " + string.Join("; ", settings.Select(s => $"{s.Name}: {s.Setting ?? "not recorded (run without provenance)"}"));
    }

    private static string LevelName(ComparisonLevel level) => level == ComparisonLevel.Patient ? "per patient" : "per image";

    // A degenerate AUC (zero-width interval, too few cases, one threshold) looks precise in the summary: each says so under it.
    private static IEnumerable<string> AucCaveats(IEnumerable<ModelRun> models) => models.SelectMany(m =>
        StatisticCaveats.Auc(m.Evaluation.PatientRoc).Select(c => $"{m.Name}, patient AUC: {c}")
            .Concat(m.Evaluation.ImageRoc is { } roc ? StatisticCaveats.Auc(roc).Select(c => $"{m.Name}, image AUC: {c}") : []));

    private static string Proportion(Estimate estimate) => estimate.Value is { } v
        ? $"{Markup.Percent(v)} ({Markup.Count(estimate.Numerator)}/{Markup.Count(estimate.Denominator)}), {Markup.Interval(estimate.Interval, asPercent: true)}"
        : Markup.Undefined(estimate.UndefinedReason);

    private static string Auc(RocCurve curve) => curve.Auc.Value is { } auc ? Markup.Number(auc, 4) : Markup.Undefined(curve.Auc.UndefinedReason);

    // The words of covidct compare and metrics compare (ReclassificationText), one cell per statistic.
    private static IReadOnlyList<Cell> Reclassification(PairedModelTest test)
    {
        var r = test.Reclassification;
        Cell[] cells = r.Undefined is { } undefined
            ? [Markup.Undefined(undefined), Markup.Undefined(undefined), Markup.Undefined(undefined)]
            : [Markup.Encode(ReclassificationText.Nri(r.Categorical!)), Markup.Encode(ReclassificationText.Nri(r.Continuous!)), Markup.Encode(ReclassificationText.Idi(r.Idi, r.IdiUndefined))];
        return [LevelName(test.Level), Markup.Encode(test.ModelA), Markup.Encode(test.ModelB), .. cells];
    }

    private static Cell[] DeLongCells(PairedModelTest test)
    {
        if (test.DeLong is not { } d)
        {
            var undefined = Cell.Numeric(Markup.Undefined(test.DeLongUndefinedReason));
            return [undefined, undefined, undefined, undefined];
        }
        return
        [
            Cell.Numeric(Markup.Number(d.AucA, 4)), Cell.Numeric(Markup.Number(d.AucB, 4)),
            Cell.Numeric($"{Markup.Number(d.Difference, 4)} ({Markup.Number(d.DifferenceInterval.Lower, 4)} to {Markup.Number(d.DifferenceInterval.Upper, 4)})"),
            Cell.Numeric(Markup.PValue(d.PValue)),
        ];
    }
}
