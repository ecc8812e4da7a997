using CovidCt.Metrics;

namespace CovidCt.Cli.Commands;

/// <summary>Everything <c>metrics scores</c> reports, computed once for both the text and the JSON output.</summary>
internal sealed record ScoreAnalysis(
    int Cases,
    int? Patients,
    RocCurve Curve,
    IReadOnlyList<ThresholdPoint> Thresholds,
    ThresholdPoint? OperatingPoint,
    string OperatingPointSource,
    DiagnosticMetrics? OperatingMetrics,
    IReadOnlyList<KeyValuePair<string, BootstrapResult>>? Bootstrap,
    ClusteredScores? Clustered,
    AveragePrecisionResult PrAuc,
    BootstrapResult? PrAucBootstrap,
    IReadOnlyList<FixedRateAnalysis> FixedRates,
    PartialAucResult? PartialAuc,
    PartialAucInterval? PartialAucInterval)
{
    public static ScoreAnalysis Run(IReadOnlyList<ScoredCase> cases, double? threshold, ProportionInterval method, double level, int resamples, int seed,
        double? atSpecificity, double? atSensitivity, double? partialAucFrom)
    {
        if (resamples < 1) throw new UsageException($"--resamples must be at least 1, got {resamples}");
        var scores = cases.Select(c => c.Scores[0]).ToArray();
        var labels = cases.Select(c => c.Diseased).ToArray();
        var roc = Roc.FromScores(labels: labels, scores: scores, level: level);
        // Before the bootstraps, so a bad range exits at once.
        var partialAuc = PartialAucOutput.Compute(roc, partialAucFrom);
        var sweep = ThresholdSweep.Compute(scores, labels);
        var point = threshold is { } t
            ? new ThresholdPoint(t, ConfusionCounts.FromDecisions(labels, scores.Select(s => s >= t).ToArray()))
            : roc.YoudenOptimal() is { } youden ? new ThresholdPoint(youden.Threshold, youden.Counts) : null;
        var metrics = point is null ? null : DiagnosticMetrics.Compute(point.Counts, method, level);
        var prAuc = PrecisionRecall.AveragePrecision(labels: labels, scores: scores, level: level);
        BootstrapResult? prAucBootstrap = null;
        int? patients = null;
        IReadOnlyList<KeyValuePair<string, BootstrapResult>>? bootstrap = null;
        ClusteredScores? clustered = null;
        if (cases[0].Patient is not null)
        {
            clustered = ClusteredScores.Compute(scores, labels, cases.Select(c => c.Patient!).ToArray(), point?.Threshold, level);
            var bootstrapper = new PatientBootstrap(cases.Select(c => c.Patient!).ToArray(), resamples, seed, level);
            patients = bootstrapper.Patients;
            // Slices of one patient are not independent, so the PR-AUC interval resamples patients, as the operating-point metrics do.
            prAucBootstrap = PrecisionRecall.Bootstrap(labels, scores, bootstrapper);
            if (point is not null) bootstrap = bootstrapper.ConfusionMetrics(labels, scores.Select(s => s >= point.Threshold).ToArray());
        }
        var partialAucInterval = partialAuc is not { Area.Value: not null } ? null
            : cases[0].Patient is null ? PartialAucBootstrap.Stratified(labels, scores, partialAuc.MinimumSpecificity, resamples, seed, level)
            : PartialAucBootstrap.ByPatient(labels, scores, partialAuc.MinimumSpecificity, new PatientBootstrap(cases.Select(c => c.Patient!).ToArray(), resamples, seed, level));
        // Without a patient column every case is its own cluster: the same bootstrap then resamples cases.
        var fixedBootstrap = new PatientBootstrap(cases.Select((c, i) => c.Patient ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), resamples, seed, level);
        var unit = cases[0].Patient is null ? "cases" : "patients";
        List<FixedRateAnalysis> fixedRates = [];
        if (atSpecificity is { } spec) fixedRates.Add(FixedRateAnalysis.Compute(true, spec, roc, labels, scores, fixedBootstrap, unit, method, level));
        if (atSensitivity is { } sens) fixedRates.Add(FixedRateAnalysis.Compute(false, sens, roc, labels, scores, fixedBootstrap, unit, method, level));
        return new ScoreAnalysis(cases.Count, patients, roc, sweep, point, threshold is null ? "youden" : "option", metrics, bootstrap, clustered, prAuc, prAucBootstrap, fixedRates, partialAuc, partialAucInterval);
    }
}
