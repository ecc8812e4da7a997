using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class FixedRateTests
{
    // The 20 cases of References/fixed_rate.R (and partial_auc.R); reference values by hand in base R (fixed_rate.out).
    private static readonly double[] Scores = [0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.30];
    private static readonly bool[] Labels = [false, false, true, false, false, true, false, false, true, true, false, true, true, true, false, true, true, true, true, false];
    private static readonly RocCurve Curve = Roc.FromScores(labels: Labels, scores: Scores);

    [Theory]
    [InlineData(0.9, 0.8, 4, 9, 0.15166471095367584, 0.64619882549215113)]
    [InlineData(0.8, 0.6, 7, 8, 0.35380117450784904, 0.84833528904632438)]
    [InlineData(0.5, 0.45, 9, 7, 0.52301943803915607, 0.94863231025391503)]
    public void Sensitivity_at_specificity_matches_base_R(double target, double threshold, long tp, long tn, double lower, double upper)
    {
        var result = FixedRate.SensitivityAtSpecificity(Curve, target);
        Assert.Equal(threshold, result.Point!.Threshold);
        Assert.Equal(tp, result.Point.Counts.TruePositives);
        Assert.Equal(tn, result.Point.Counts.TrueNegatives);
        Assert.Equal(tp / 11.0, result.Rate.Value!.Value, 15);
        Assert.Equal(lower, result.Rate.Interval!.Lower, 14);
        Assert.Equal(upper, result.Rate.Interval!.Upper, 14);
    }

    [Theory]
    [InlineData(0.9, 0.3, 10, 4, 0.18877852109766463, 0.7333487065045069)]
    [InlineData(0.8, 0.45, 9, 7, 0.45258896910698904, 0.93677489288215332)]
    public void Specificity_at_sensitivity_matches_base_R(double target, double threshold, long tp, long tn, double lower, double upper)
    {
        var result = FixedRate.SpecificityAtSensitivity(Curve, target);
        Assert.Equal(threshold, result.Point!.Threshold);
        Assert.Equal(tp, result.Point.Counts.TruePositives);
        Assert.Equal(tn / 9.0, result.Rate.Value!.Value, 15);
        Assert.Equal(lower, result.Rate.Interval!.Lower, 14);
        Assert.Equal(upper, result.Rate.Interval!.Upper, 14);
    }

    [Fact]
    public void Specificity_1_is_always_met_by_calling_nothing_positive()
    {
        var result = FixedRate.SensitivityAtSpecificity(Curve, 1);
        Assert.True(result.Point!.Specificity >= 1);
        Assert.Equal(4, result.Point.Counts.TruePositives); // 0.95–0.80 are diseased; the first non-diseased case scores 0.75.
    }

    [Fact]
    public void Without_both_classes_the_rate_is_undefined_and_says_why()
    {
        var result = FixedRate.SensitivityAtSpecificity(Roc.FromScores(labels: [true, true], scores: [0.2, 0.4]), 0.95);
        Assert.Null(result.Point);
        Assert.Contains("no non-diseased cases", result.Rate.UndefinedReason);
    }

    [Fact]
    public void A_target_outside_0_to_1_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedRate.SpecificityAtSensitivity(Curve, 1.5));
}
