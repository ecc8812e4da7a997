using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class DiagnosticMetricsTests
{
    // The study's per-patient counts (TP 11, FP 2, TN 29, FN 0) recomputed by hand.
    private static readonly DiagnosticMetrics PerPatient = DiagnosticMetrics.Compute(new ConfusionCounts(11, 2, 29, 0));

    [Fact]
    public void Proportions_keep_numerator_and_denominator()
    {
        Assert.Equal((11.0, 11.0, 1.0), (PerPatient.Sensitivity.Numerator, PerPatient.Sensitivity.Denominator, PerPatient.Sensitivity.Value!.Value));
        Assert.Equal((29.0, 31.0), (PerPatient.Specificity.Numerator, PerPatient.Specificity.Denominator));
        Assert.Equal(29.0 / 31, PerPatient.Specificity.Value);
        Assert.Equal(11.0 / 13, PerPatient.Ppv.Value);
        Assert.Equal(1.0, PerPatient.Npv.Value);
        Assert.Equal(40.0 / 42, PerPatient.Accuracy.Value);
        Assert.Equal(11.0 / 42, PerPatient.Prevalence.Value);
        Assert.Equal(22.0 / 24, PerPatient.F1.Value);
        Assert.Equal((1 + 29.0 / 31) / 2, PerPatient.BalancedAccuracy.Value);
        Assert.Equal(29.0 / 31, PerPatient.YoudenJ.Value!.Value, 15);
    }

    [Fact]
    public void Likelihood_ratios_follow_their_definitions()
    {
        // LR+ = 1 / (2/31) = 15.5; LR− = 0 / (29/31) = 0, which has no log-method interval (FN = 0).
        Assert.Equal(15.5, PerPatient.PositiveLikelihoodRatio.Value!.Value, 12);
        Assert.Equal(0.0, PerPatient.NegativeLikelihoodRatio.Value);
        Assert.Null(PerPatient.NegativeLikelihoodRatio.Interval);
    }

    [Fact]
    public void Likelihood_ratio_interval_is_the_log_method()
    {
        // Simel, Samsa and Matchar 1991: ln LR+ ± 1.96·sqrt(1/TP − 1/P + 1/FP − 1/N); TP 45/50, FP 5/50 gives LR+ 9.
        var metrics = DiagnosticMetrics.Compute(new ConfusionCounts(45, 5, 45, 5));
        var se = Math.Sqrt(1.0 / 45 - 1.0 / 50 + 1.0 / 5 - 1.0 / 50);
        var z = ProportionIntervals.TwoSidedZ(0.95);
        Assert.Equal(9.0, metrics.PositiveLikelihoodRatio.Value!.Value, 12);
        Assert.Equal(9 * Math.Exp(-z * se), metrics.PositiveLikelihoodRatio.Interval!.Lower, 12);
        Assert.Equal(9 * Math.Exp(z * se), metrics.PositiveLikelihoodRatio.Interval!.Upper, 12);
    }

    [Fact]
    public void Zero_denominators_are_undefined_with_a_reason_never_zero()
    {
        var onlyControls = DiagnosticMetrics.Compute(new ConfusionCounts(0, 0, 5, 0));
        Assert.Null(onlyControls.Sensitivity.Value);
        Assert.Contains("no diseased cases", onlyControls.Sensitivity.UndefinedReason);
        Assert.Null(onlyControls.Ppv.Value);
        Assert.Contains("no positive calls", onlyControls.Ppv.UndefinedReason);
        Assert.Null(onlyControls.YoudenJ.Value);
        Assert.Contains("sensitivity is undefined", onlyControls.YoudenJ.UndefinedReason);
        Assert.Null(onlyControls.PositiveLikelihoodRatio.Value);
        Assert.Equal(1.0, onlyControls.Specificity.Value);
        Assert.Equal(11, onlyControls.All.Count);
    }

    [Fact]
    public void No_false_positive_makes_LR_positive_undefined_as_infinite()
    {
        var perfect = DiagnosticMetrics.Compute(new ConfusionCounts(4, 0, 6, 0));
        Assert.Contains("infinite", perfect.PositiveLikelihoodRatio.UndefinedReason);
    }

    [Fact]
    public void Intervals_use_the_requested_method_and_level()
    {
        var exact = DiagnosticMetrics.Compute(new ConfusionCounts(81, 0, 0, 182), ProportionInterval.ClopperPearson, 0.9);
        Assert.Equal(ProportionIntervals.Compute(81, 263, ProportionInterval.ClopperPearson, 0.9), exact.Sensitivity.Interval);
        Assert.Equal("clopper-pearson", exact.Sensitivity.Interval!.Method);
    }

    [Fact]
    public void Negative_counts_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DiagnosticMetrics.Compute(new ConfusionCounts(-1, 0, 0, 0)));

    [Fact]
    public void A_likelihood_ratio_of_zero_over_zero_says_so_instead_of_infinite()
    {
        // TP = FP = 0: sensitivity 0 over 1 - specificity 0.
        var noPositiveCalls = DiagnosticMetrics.Compute(new ConfusionCounts(0, 0, 5, 3));
        Assert.Null(noPositiveCalls.PositiveLikelihoodRatio.Value);
        Assert.Contains("0/0", noPositiveCalls.PositiveLikelihoodRatio.UndefinedReason);
        Assert.DoesNotContain("infinite", noPositiveCalls.PositiveLikelihoodRatio.UndefinedReason);
        // FN = TN = 0: 1 - sensitivity 0 over specificity 0.
        var noNegativeCalls = DiagnosticMetrics.Compute(new ConfusionCounts(3, 5, 0, 0));
        Assert.Contains("0/0", noNegativeCalls.NegativeLikelihoodRatio.UndefinedReason);
        // FP = 0 with TP > 0 really is infinite.
        Assert.Contains("infinite", DiagnosticMetrics.Compute(new ConfusionCounts(3, 0, 5, 1)).PositiveLikelihoodRatio.UndefinedReason);
    }
}
