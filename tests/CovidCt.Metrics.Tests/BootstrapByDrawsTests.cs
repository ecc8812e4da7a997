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
}
