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

    // Obuchowski NA, Lieber ML, Wians FH Jr. ROC curves in clinical chemistry: uses, misuses, and possible solutions.
    // Clin Chem 2004;50:1118–1125, Table 4: diseased and non-diseased cases for a one-sided test at α 0.05 with power
    // 0.9 that the AUC exceeds 0.5 (formulas 2 and 3, the binormal variance). Rows κ (non-diseased per diseased) 0.25,
    // 0.5, 1, 2, 4; columns AUC 0.6, 0.7, 0.8, 0.9, 0.95. The table gives at least 10 per group, raising the other group
    // to keep κ. The printed numbers as listed in pROC's tests/testthat/test-power.roc.test.R (GPL-3; numbers only),
    // which could be read here when the paper could not; References/obuchowski2004.R checks them in R.
    private static readonly double[] TableKappas = [0.25, 0.5, 1, 2, 4];
    private static readonly double[] TableAucs = [0.6, 0.7, 0.8, 0.9, 0.95];
    private static readonly int[,] PrintedDiseased =
    {
        { 334, 80, 40, 40, 40 }, { 201, 49, 20, 20, 20 }, { 135, 33, 14, 10, 10 }, { 102, 25, 11, 10, 10 }, { 85, 21, 10, 10, 10 },
    };
    private static readonly int[,] PrintedNonDiseased =
    {
        { 84, 20, 10, 10, 10 }, { 101, 25, 10, 10, 10 }, { 135, 33, 14, 10, 10 }, { 203, 50, 21, 20, 20 }, { 339, 84, 40, 40, 40 },
    };

    // The table's floor of 10 per group, the other group raised to keep κ.
    private static (long Diseased, long NonDiseased) AsTabulated(SampleSizeResult result, double kappa) => (
        (long)Math.Max(10, Math.Max(result.NonDiseased!.Value < 10 ? 10 / kappa : 0, result.Diseased!.Value)),
        (long)Math.Max(10, Math.Max(result.Diseased.Value < 10 ? 10 * kappa : 0, result.NonDiseased.Value)));

    [Fact]
    public void Auc_above_chance_reproduces_every_cell_of_Obuchowski_2004_table_4_with_the_papers_rounded_quantiles()
    {
        // The table was computed with z rounded to 1.645 (α 0.05, one-sided) and 1.28 (power 0.9): all 25 cells agree.
        for (var i = 0; i < TableKappas.Length; i++)
        {
            for (var j = 0; j < TableAucs.Length; j++)
            {
                var cell = AsTabulated(SampleSize.AucAboveChance(TableAucs[j], 1.645, 1.28, TableKappas[i]), TableKappas[i]);
                Assert.True((PrintedDiseased[i, j], PrintedNonDiseased[i, j]) == cell, $"κ {TableKappas[i]}, AUC {TableAucs[j]}: printed {PrintedDiseased[i, j]}/{PrintedNonDiseased[i, j]}, got {cell}");
            }
        }
    }

    [Fact]
    public void Auc_above_chance_with_exact_quantiles_differs_from_the_printed_table_in_two_cells_by_one_case()
    {
        // With Φ⁻¹(0.95) and Φ⁻¹(0.9) unrounded (what the method computes, and pROC's power.roc.test): κ 0.5, AUC 0.6 needs
        // 201.06 → 202 diseased (printed 201); κ 4, AUC 0.6 needs 4 × 84.82 = 339.28 → 340 non-diseased (printed 339).
        var differing = new List<(double Kappa, double Auc, (long, long) Got)>();
        for (var i = 0; i < TableKappas.Length; i++)
        {
            for (var j = 0; j < TableAucs.Length; j++)
            {
                var cell = AsTabulated(SampleSize.AucAboveChance(TableAucs[j], alpha: 0.05, power: 0.9, ratio: TableKappas[i], oneSided: true), TableKappas[i]);
                if (cell != (PrintedDiseased[i, j], PrintedNonDiseased[i, j])) differing.Add((TableKappas[i], TableAucs[j], cell));
            }
        }
        Assert.Equal(new List<(double, double, (long, long))> { (0.5, 0.6, (202, 101)), (4, 0.6, (85, 340)) }, differing);
    }

    [Fact]
    public void Auc_above_chance_gives_pROCs_power_at_the_whole_number_of_cases()
    {
        // References/obuchowski2004.out: pROC 1.18 power.roc.test at the rounded-up diseased count, one-sided α 0.05.
        Assert.Equal(0.901206118786891, SampleSize.AucAboveChance(0.6, 0.05, 0.9, 0.5, oneSided: true).Achieved, 12);
        Assert.Equal(0.900541731875127, SampleSize.AucAboveChance(0.6, 0.05, 0.9, 4, oneSided: true).Achieved, 12);
        Assert.Equal(0.907835694088165, SampleSize.AucAboveChance(0.8, 0.05, 0.9, 0.5, oneSided: true).Achieved, 12);
        // Two-sided α 0.05, power 0.8, κ 2 at AUC 0.75: pROC's n = 14.459 → 15 diseased, 2 × 14.459 → 29 non-diseased.
        var twoSided = SampleSize.AucAboveChance(0.75, ratio: 2);
        Assert.Equal((15L, 29L, "obuchowski-2004"), (twoSided.Diseased!.Value, twoSided.NonDiseased!.Value, twoSided.Method));
    }

    [Fact]
    public void Auc_above_chance_warns_below_ten_cases_a_group_and_refuses_an_auc_at_chance()
    {
        Assert.Contains("below about 10", SampleSize.AucAboveChance(0.9, 0.05, 0.9, 4, oneSided: true).Caveat);
        Assert.Null(SampleSize.AucAboveChance(0.6).Caveat);
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.AucAboveChance(0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.AucAboveChance(0.8, ratio: 0));
    }
}
