namespace CovidCt.Cli.Tests;

/// <summary>
/// A tiny run of <c>metrics coverage</c> (docs/metrics.md has the 1,000-dataset table): with 60 datasets a 95% interval's
/// coverage has a Monte-Carlo SE of about 3 points, so every interval meant for the design must cover in at least 80% of
/// datasets; a broken interval (wrong variance, wrong truth) falls far below that. A test at 5% meant for the design must
/// reject a true null in at most 20% of datasets (SE about 3 points).
/// </summary>
public sealed class MetricsCoverageCommandTests
{
    private static readonly string[] UnclusteredIntervals =
    [
        "Youden's J and balanced accuracy: MOVER-Wilson (independent images)", "F1: Wilson on the Jaccard index (independent images)",
        "Lesion hit rate: Wilson (lesions independent)", "Lesion hit rate: Rao–Scott Wilson (clustered by patient)",
        "Partial AUC, specificity ≥ 0.8: stratified bootstrap (independent images)", "McClish partial AUC, specificity ≥ 0.8: stratified bootstrap (independent images)",
        "Partial AUC, specificity ≥ 0.8: patient bootstrap", "McClish partial AUC, specificity ≥ 0.8: patient bootstrap",
        "wAFROC: jackknife over images (independent images)", "wAFROC: jackknife over patients (clustered)",
    ];

    private static readonly string[] ClusteredIntervals =
    [
        "Sensitivity: Rao–Scott Wilson (clustered)", "Youden's J: patient bootstrap", "F1: patient bootstrap",
        "Sensitivity at specificity ≥ 0.8: bootstrap re-choosing the threshold", "Lesion hit rate: Rao–Scott Wilson (clustered by patient)",
        "Partial AUC, specificity ≥ 0.8: patient bootstrap", "McClish partial AUC, specificity ≥ 0.8: patient bootstrap",
        "wAFROC: jackknife over patients (clustered)",
    ];

    private static readonly string[] ReaderIntervals =
    [
        "AUC difference A − B: Obuchowski–Rockette–Hillis", "Mean AUC of modality A: Hillis single-modality interval",
        "Mean AUC of modality B: Hillis single-modality interval", "Reading-time ratio: log t, Satterthwaite (readers and cases random)",
    ];

    [Fact]
    public void Intervals_meant_for_each_design_hold_their_level_roughly_on_a_tiny_run()
    {
        var designs = MetricsCli.Json("metrics", "coverage", "--datasets", "60", "--seed", "5").GetProperty("designs").EnumerateArray().ToArray();
        Assert.Equal(4, designs.Length);
        foreach (var design in designs)
        {
            var name = design.GetProperty("design").GetString()!;
            var rows = design.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("rate").GetDouble());
            var (intervals, tests) = name switch
            {
                _ when name.StartsWith("unclustered", StringComparison.Ordinal) =>
                    (UnclusteredIntervals, new[] { "Null rejected at 5%: paired wAFROC, jackknife over images", "Null rejected at 5%: paired wAFROC, jackknife over patients" }),
                _ when name.StartsWith("clustered", StringComparison.Ordinal) => (ClusteredIntervals, new[] { "Null rejected at 5%: paired wAFROC, jackknife over patients" }),
                _ when name.StartsWith("reader study, modalities equal", StringComparison.Ordinal) => (ReaderIntervals, new[] { "Rejected at 5%: Obuchowski–Rockette–Hillis F test" }),
                _ => (ReaderIntervals, Array.Empty<string>()),
            };
            foreach (var interval in intervals) Assert.True(rows[interval] >= 0.8, $"{name}: {interval} covered {rows[interval]:P1}");
            foreach (var test in tests) Assert.True(rows[test] <= 0.2, $"{name}: {test} rejected a true null in {rows[test]:P1}");
        }
    }

    [Fact]
    public void Reader_study_designs_state_their_true_aucs()
    {
        var designs = MetricsCli.Json("metrics", "coverage", "--datasets", "1", "--seed", "5").GetProperty("designs").EnumerateArray()
            .Select(d => d.GetProperty("design").GetString()!).ToArray();
        // Φ(1.5/√2.15) and Φ(1.1/√2.15): the population mean AUCs of the Roe–Metz-style model.
        Assert.Contains(designs, d => d.Contains("AUC 0.847 each", StringComparison.Ordinal));
        Assert.Contains(designs, d => d.Contains("AUC 0.847 and 0.773", StringComparison.Ordinal));
    }
}
