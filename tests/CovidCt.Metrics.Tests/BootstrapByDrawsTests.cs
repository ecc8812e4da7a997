using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

/// <summary>
/// The PR-AUC and fixed-rate bootstraps count how often each patient was drawn instead of listing the resample's cases; they must
/// give exactly what recomputing the statistic on each listed resample gives (the computation before that change), seed for seed.
/// </summary>
public sealed class BootstrapByDrawsTests
{
    // 60 cases with ties within and across classes, 13 patients of unequal size whose cases are interleaved, not contiguous.
    private static readonly double[] Scores = Enumerable.Range(0, 60).Select(i => Math.Round(Math.Sin(i * 1.7) * 5) / 10).ToArray();
    private static readonly bool[] Labels = Enumerable.Range(0, 60).Select(i => (i * 7 % 5 < 2) ^ (Scores[i] > 0.2)).ToArray();
    private static readonly string[] Patients = Enumerable.Range(0, 60).Select(i => $"p{i * i % 13}").ToArray();

    [Fact]
    public void Pr_auc_bootstrap_equals_recomputing_on_every_listed_resample()
    {
        var fast = PrecisionRecall.Bootstrap(Labels, Scores, new PatientBootstrap(Patients, 400, 5));
        var listed = new PatientBootstrap(Patients, 400, 5).Interval(resample => PrecisionRecall.AveragePrecision(
            labels: resample.Select(i => Labels[i]).ToArray(), scores: resample.Select(i => Scores[i]).ToArray()).AveragePrecision.Value);
        Assert.Equal(listed, fast);
        Assert.True(Scores.Distinct().Count() < Scores.Length, "the data must hold ties");
    }

    [Theory]
    [InlineData(true, 0.8)]
    [InlineData(true, 0.95)]
    [InlineData(false, 0.9)]
    [InlineData(false, 0.5)]
    public void Fixed_rate_bootstrap_equals_the_rate_of_every_resamples_own_roc_curve(bool sensitivityAtSpecificity, double target)
    {
        var fast = sensitivityAtSpecificity
            ? FixedRate.SensitivityAtSpecificityBootstrap(Labels, Scores, target, new PatientBootstrap(Patients, 400, 9))
            : FixedRate.SpecificityAtSensitivityBootstrap(Labels, Scores, target, new PatientBootstrap(Patients, 400, 9));
        var listed = new PatientBootstrap(Patients, 400, 9).Interval(resample =>
        {
            var curve = Roc.FromScores(labels: resample.Select(i => Labels[i]).ToArray(), scores: resample.Select(i => Scores[i]).ToArray());
            return (sensitivityAtSpecificity ? FixedRate.SensitivityAtSpecificity(curve, target) : FixedRate.SpecificityAtSensitivity(curve, target)).Rate.Value;
        });
        Assert.Equal(listed, fast);
    }

    [Fact]
    public void Resamples_lacking_a_class_are_undefined_in_both()
    {
        // Two patients, one holding the only diseased case: about a quarter of resamples draw no diseased case (both undefined)
        // and another quarter no non-diseased case (only the ROC-based rate undefined).
        string[] patients = ["a", "b", "b", "b"];
        bool[] labels = [true, false, false, false];
        double[] scores = [0.9, 0.1, 0.5, 0.3];
        var fast = FixedRate.SensitivityAtSpecificityBootstrap(labels, scores, 0.9, new PatientBootstrap(patients, 200, 3));
        var ap = PrecisionRecall.Bootstrap(labels, scores, new PatientBootstrap(patients, 200, 3));
        Assert.InRange(ap.UndefinedResamples, 20, 80);
        Assert.InRange(fast.UndefinedResamples - ap.UndefinedResamples, 20, 80);
    }

    [Theory]
    [InlineData(0.8)]
    [InlineData(0.5)]
    public void Partial_auc_patient_bootstrap_equals_recomputing_on_every_listed_resample(double minimumSpecificity)
    {
        var fast = PartialAucBootstrap.ByPatient(Labels, Scores, minimumSpecificity, new PatientBootstrap(Patients, 400, 7));
        PartialAucResult Listed(IReadOnlyList<int> resample) => PartialAuc.Compute(
            Roc.FromScores(labels: resample.Select(i => Labels[i]).ToArray(), scores: resample.Select(i => Scores[i]).ToArray()), minimumSpecificity);
        Assert.Equal(new PatientBootstrap(Patients, 400, 7).Interval(resample => Listed(resample).Area.Value), fast.Area);
        Assert.Equal(new PatientBootstrap(Patients, 400, 7).Interval(resample => Listed(resample).McClish), fast.McClish);
    }

    [Fact]
    public void Partial_auc_stratified_bootstrap_equals_recomputing_on_every_listed_resample()
    {
        // The listing the stratified bootstrap did before it counted draws: the same random calls, diseased cases first.
        const int resamples = 300, seed = 11;
        var fast = PartialAucBootstrap.Stratified(Labels, Scores, 0.8, resamples, seed);
        var diseased = Enumerable.Range(0, Labels.Length).Where(i => Labels[i]).ToArray();
        var nonDiseased = Enumerable.Range(0, Labels.Length).Where(i => !Labels[i]).ToArray();
        var random = new Random(seed);
        var listed = new List<PartialAucResult>();
        for (var r = 0; r < resamples; r++)
        {
            var cases = new[] { diseased, nonDiseased }.SelectMany(stratum => Enumerable.Range(0, stratum.Length).Select(_ => stratum[random.Next(stratum.Length)])).ToArray();
            listed.Add(PartialAuc.Compute(Roc.FromScores(labels: cases.Select(i => Labels[i]).ToArray(), scores: cases.Select(i => Scores[i]).ToArray()), 0.8));
        }
        var areas = listed.Select(l => l.Area.Value!.Value).Order().ToList();
        // The percentiles as the bootstrap takes them, at α/2 and 1 − α/2 with α = 1 − 0.95 in floating point.
        const double alpha = 1 - 0.95;
        var mcClish = listed.Select(l => l.McClish!.Value).Order().ToList();
        Assert.Equal((PatientBootstrap.Percentile(areas, alpha / 2), PatientBootstrap.Percentile(areas, 1 - alpha / 2)), (fast.Area.Interval!.Lower, fast.Area.Interval.Upper));
        Assert.Equal((PatientBootstrap.Percentile(mcClish, alpha / 2), PatientBootstrap.Percentile(mcClish, 1 - alpha / 2)), (fast.McClish.Interval!.Lower, fast.McClish.Interval.Upper));
    }
}
