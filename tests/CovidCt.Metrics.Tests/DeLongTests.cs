using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class DeLongTests
{
    // Diseased X = 0.8, 0.6, 0.4; non-diseased Y = 0.6, 0.3, 0.2 (one tie). By hand, with ψ = 1, 1/2, 0:
    //   V10 = (1, 5/6, 2/3), V01 = (1/2, 1, 1), AUC = 5/6
    //   S10 = [(1/6)² + 0 + (1/6)²] / 2 = 1/36;  S01 = [(1/3)² + (1/6)² + (1/6)²] / 2 = 1/12
    //   Var = S10/3 + S01/3 = 1/108 + 1/36 = 1/27.
    private static readonly double[] Scores = [0.8, 0.6, 0.4, 0.6, 0.3, 0.2];
    private static readonly bool[] Labels = [true, true, true, false, false, false];

    [Fact]
    public void Variance_matches_the_hand_computation_from_placement_values()
    {
        var result = DeLong.Compute(Scores, Labels)!;
        Assert.Equal(5.0 / 6, result.Auc, 15);
        Assert.Equal(1.0 / 27, result.Variance, 15);
        var z = ProportionIntervals.TwoSidedZ(0.95);
        Assert.Equal(5.0 / 6 - z / Math.Sqrt(27), result.PlainInterval.Lower, 14);
        Assert.Equal(1.0, result.PlainInterval.Upper);
    }

    [Fact]
    public void Logit_interval_stays_inside_0_1_and_contains_the_auc()
    {
        var logit = DeLong.Compute(Scores, Labels)!.LogitInterval!;
        Assert.True(logit.Lower > 0 && logit.Upper < 1 && logit.Contains(5.0 / 6));
    }

    [Fact]
    public void Fewer_than_two_cases_of_a_class_gives_no_variance() =>
        Assert.Null(DeLong.Compute([0.9, 0.1, 0.2], [true, false, false]));

    [Fact]
    public void Paired_test_of_a_score_set_against_itself_has_z_0_and_p_1()
    {
        var paired = DeLong.Paired(Scores, Scores, Labels);
        Assert.Equal(0.0, paired.Z);
        Assert.Equal(1.0, paired.PValue);
    }

    [Fact]
    public void Paired_variances_equal_the_single_variances_and_the_difference_is_consistent() =>
        Properties.Check(Properties.ScoredBothClasses, d =>
        {
            var other = d.Scores.Select((s, i) => (s * 7 + i) % 3).ToArray();
            var paired = DeLong.Paired(d.Scores, other, d.Labels);
            var a = DeLong.Compute(d.Scores, d.Labels)!;
            var b = DeLong.Compute(other, d.Labels)!;
            return Math.Abs(paired.VarianceA - a.Variance) < 1e-14 && Math.Abs(paired.VarianceB - b.Variance) < 1e-14
                && paired.DifferenceVariance >= -1e-14 && paired.PValue is >= 0 and <= 1
                && Math.Abs(paired.Difference - (a.Auc - b.Auc)) < 1e-14;
        });
}
