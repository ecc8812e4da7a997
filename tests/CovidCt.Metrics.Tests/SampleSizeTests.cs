using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

// Issue #17 item 7. Reference values: References/power.R (power.out), base R, the AUC searched case by case.
public sealed class SampleSizeTests
{
    [Fact]
    public void Buderer_counts_and_totals_match_R()
    {
        // z² · 0.9 · 0.1 / 0.05² = 138.29 → 139 diseased; at prevalence 10% enrol 1,390.
        var sensitivity = SampleSize.SensitivityForWidth(0.9, 0.05, prevalence: 0.1);
        Assert.Equal((139L, (long?)null, 1390L), (sensitivity.Diseased!.Value, sensitivity.NonDiseased, sensitivity.Total!.Value));
        Assert.True(sensitivity.Achieved <= 0.05);
        var specificity = SampleSize.SpecificityForWidth(0.85, 0.07, prevalence: 0.3);
        Assert.Equal((100L, 143L), (specificity.NonDiseased!.Value, specificity.Total!.Value));
        Assert.Null(SampleSize.SensitivityForWidth(0.9, 0.05).Total);
    }

    [Fact]
    public void An_exact_whole_number_is_not_rounded_up_to_the_next_case()
    {
        // At the 68.27% level z is 1 (up to rounding), so z² · 0.2 · 0.8 / 0.04² is a whole 100 cases: rounding noise in
        // z and the division must not make it 101.
        var level = 2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, 1) - 1;
        Assert.Equal(100, SampleSize.SensitivityForWidth(0.2, 0.04, level: level).Diseased);
    }

    [Fact]
    public void Binomial_test_size_is_the_smallest_with_the_power()
    {
        var n = SampleSize.ProportionTest(0.9, 0.8);
        Assert.Equal(108, n);
        Assert.True(SampleSize.ProportionTestPower(0.9, 0.8, n) >= 0.8);
        Assert.True(SampleSize.ProportionTestPower(0.9, 0.8, n - 1) < 0.8);
    }

    [Fact]
    public void Auc_for_width_matches_R_case_by_case_search()
    {
        var equal = SampleSize.AucForWidth(0.85, 0.05);
        Assert.Equal((117L, 117L), (equal.Diseased!.Value, equal.NonDiseased!.Value));
        Assert.Equal(0.049840663028238, equal.Achieved, 13);
        var twice = SampleSize.AucForWidth(0.90, 0.03, ratio: 2);
        Assert.Equal((200L, 400L, 600L), (twice.Diseased!.Value, twice.NonDiseased!.Value, twice.Total!.Value));
        Assert.Equal(0.00103194258373206, SampleSize.AucVariance(0.9, 50, 50), 15);
    }

    [Fact]
    public void Auc_test_matches_R()
    {
        var result = SampleSize.AucTest(0.85, 0.75);
        Assert.Equal((83L, 83L), (result.Diseased!.Value, result.NonDiseased!.Value));
        Assert.Equal(0.80405498240637, result.Achieved, 12);
    }

    [Fact]
    public void Extreme_proportions_carry_a_caveat_and_impossible_targets_are_refused()
    {
        Assert.Contains("near 0 or 1", SampleSize.SensitivityForWidth(0.98, 0.02).Caveat);
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.SensitivityForWidth(1, 0.05));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.ProportionTest(0.8, 0.8));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.AucForWidth(0.4, 0.05));
    }
}
