using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class RatioSummariesTests
{
    // The study's per-image table (TP 63, FP 4, TN 175, FN 20); references from epiR 2.0.57 epi.tests,
    // References/summaries.R and summaries.out.
    private static readonly ConfusionCounts Images = new(63, 4, 175, 20);

    [Theory]
    [InlineData("dor", 137.8125, 45.350654041301986, 418.78745869802094)]
    [InlineData("lr+", 33.966867469879553, 12.792546286084558, 90.189088232682991)]
    [InlineData("lr-", 0.24647160068846816, 0.16813714766233107, 0.36130177530985641)]
    public void Ratios_and_log_intervals_match_epiR(string statistic, double value, double lower, double upper)
    {
        var result = statistic switch
        {
            "dor" => RatioSummaries.DiagnosticOddsRatio(Images),
            "lr+" => RatioSummaries.PositiveLikelihoodRatio(Images),
            _ => RatioSummaries.NegativeLikelihoodRatio(Images),
        };
        Assert.False(result.ZeroCellCorrected);
        Assert.Equal(value, result.Estimate.Value!.Value, 12);
        Assert.Equal(lower, result.Estimate.Interval!.Lower, 11);
        Assert.Equal(upper, result.Estimate.Interval.Upper, 11);
    }

    [Fact]
    public void A_zero_cell_gets_the_Haldane_correction_and_says_so()
    {
        // Per-patient table TP 11, FP 2, TN 29, FN 0: DOR = 11.5·29.5 / (2.5·0.5) = 271.4 after adding 0.5 to every cell.
        var dor = RatioSummaries.DiagnosticOddsRatio(new ConfusionCounts(11, 2, 29, 0));
        Assert.True(dor.ZeroCellCorrected);
        Assert.Equal(11.5 * 29.5 / (2.5 * 0.5), dor.Estimate.Value!.Value, 12);
        Assert.Equal("log-haldane", dor.Estimate.Interval!.Method);
        Assert.Contains("0.5 added to every cell", dor.Caveat);
        // LR− = (0.5/12) / (29.5/32) with SE √(1/0.5 − 1/12 + 1/29.5 − 1/32).
        var lr = RatioSummaries.NegativeLikelihoodRatio(new ConfusionCounts(11, 2, 29, 0));
        var value = 0.5 / 12 / (29.5 / 32);
        var se = Math.Sqrt(1 / 0.5 - 1.0 / 12 + 1 / 29.5 - 1.0 / 32);
        Assert.Equal(value, lr.Estimate.Value!.Value, 14);
        Assert.Equal(value * Math.Exp(ProportionIntervals.TwoSidedZ(0.95) * se), lr.Estimate.Interval!.Upper, 13);
    }

    [Fact]
    public void Predictive_values_at_the_study_prevalence_are_the_study_values()
    {
        // At π = prevalence of the table, Bayes' formula gives back TP/(TP + FP) and TN/(TN + FN).
        var prevalence = 83.0 / 262;
        Assert.Equal(63.0 / 67, RatioSummaries.PositivePredictiveValue(Images, prevalence).Estimate.Value!.Value, 14);
        Assert.Equal(175.0 / 195, RatioSummaries.NegativePredictiveValue(Images, prevalence).Estimate.Value!.Value, 14);
    }

    [Fact]
    public void Ppv_at_another_prevalence_has_the_Mercaldo_logit_interval()
    {
        // π = 0.05: logit PPV = ln(0.05/0.95) + ln(63/83) − ln(4/179); SE = √((1 − 63/83)/63 + (175/179)/4).
        var result = RatioSummaries.PositivePredictiveValue(Images, 0.05);
        var logit = Math.Log(0.05 / 0.95) + Math.Log(63.0 / 83) - Math.Log(4.0 / 179);
        var se = Math.Sqrt((1 - 63.0 / 83) / 63 + 175.0 / 179 / 4);
        var z = ProportionIntervals.TwoSidedZ(0.95);
        Assert.Equal(1 / (1 + Math.Exp(-logit)), result.Estimate.Value!.Value, 14);
        Assert.Equal(1 / (1 + Math.Exp(-(logit - z * se))), result.Estimate.Interval!.Lower, 14);
        Assert.Equal("logit", result.Estimate.Interval.Method);
    }

    [Fact]
    public void Without_both_classes_the_ratios_are_undefined()
    {
        var result = RatioSummaries.DiagnosticOddsRatio(new ConfusionCounts(5, 0, 0, 3));
        Assert.False(result.Estimate.IsDefined);
        Assert.Contains("needs diseased and non-diseased", result.Estimate.UndefinedReason);
    }

    [Fact]
    public void A_prevalence_outside_0_1_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RatioSummaries.PositivePredictiveValue(Images, 1));
}
