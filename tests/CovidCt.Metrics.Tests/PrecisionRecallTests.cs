using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class PrecisionRecallTests
{
    // The 20 cases of References/pr_auc.R (and partial_auc.R); reference values computed by hand in base R (pr_auc.out).
    private static readonly double[] Scores = [0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.30];
    private static readonly bool[] Labels = [false, false, true, false, false, true, false, false, true, true, false, true, true, true, false, true, true, true, true, false];

    [Theory]
    [InlineData(0.95, 0.52812422084608723, 0.97125522403185682)]
    [InlineData(0.90, 0.59544831380530783, 0.96253682600593593)]
    public void Average_precision_and_its_logit_interval_match_base_R(double level, double lower, double upper)
    {
        var result = PrecisionRecall.AveragePrecision(labels: Labels, scores: Scores, level: level);
        Assert.Equal(0.86013052603961693, result.AveragePrecision.Value!.Value, 14);
        Assert.Equal(11, result.AveragePrecision.Denominator);
        Assert.Equal(0.55, result.Baseline, 14);
        Assert.Equal(lower, result.AveragePrecision.Interval!.Lower, 13);
        Assert.Equal(upper, result.AveragePrecision.Interval!.Upper, 13);
        Assert.Equal("logit", result.AveragePrecision.Interval!.Method);
    }

    [Fact]
    public void Without_diseased_cases_average_precision_is_undefined_and_says_why()
    {
        var result = PrecisionRecall.AveragePrecision(labels: [false, false], scores: [0.1, 0.9]);
        Assert.Null(result.AveragePrecision.Value);
        Assert.Contains("no diseased cases", result.AveragePrecision.UndefinedReason);
        Assert.Equal(0, result.Baseline);
    }

    [Fact]
    public void A_perfect_ranking_has_average_precision_1_and_no_logit_interval()
    {
        var result = PrecisionRecall.AveragePrecision(labels: [false, true, false, true], scores: [0.1, 0.9, 0.2, 0.8]);
        Assert.Equal(1, result.AveragePrecision.Value);
        Assert.Null(result.AveragePrecision.Interval);
        Assert.Equal(0.5, result.Baseline);
    }

    [Fact]
    public void Tied_scores_across_classes_form_one_step()
    {
        // One threshold calls both cases positive at once: precision 1/2 at recall 1, as scikit-learn's average_precision_score.
        var result = PrecisionRecall.AveragePrecision(labels: [true, false], scores: [0.5, 0.5]);
        Assert.Equal(0.5, result.AveragePrecision.Value);
    }

    [Fact]
    public void The_fast_patient_bootstrap_equals_average_precision_recomputed_on_every_resample()
    {
        // Ten patients of two slices each; the same seed gives the same draws to both computations.
        var patients = Enumerable.Range(0, Scores.Length).Select(i => $"p{i / 2}").ToArray();
        var fast = PrecisionRecall.Bootstrap(Labels, Scores, new PatientBootstrap(patients, 300, 7));
        var slow = new PatientBootstrap(patients, 300, 7).Interval(resample => PrecisionRecall.AveragePrecision(
            labels: resample.Select(i => Labels[i]).ToArray(), scores: resample.Select(i => Scores[i]).ToArray()).AveragePrecision.Value);
        Assert.Equal(slow.Value!.Value, fast.Value!.Value, 14);
        Assert.Equal(slow.UndefinedResamples, fast.UndefinedResamples);
        Assert.Equal(slow.Interval!.Lower, fast.Interval!.Lower, 14);
        Assert.Equal(slow.Interval!.Upper, fast.Interval!.Upper, 14);
    }
}
