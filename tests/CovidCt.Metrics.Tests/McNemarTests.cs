using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class McNemarTests
{
    // Fagerland MW, Lydersen S, Laake P. The McNemar test for binary matched-pairs data: mid-p and
    // asymptotic are better than exact conditional. BMC Med Res Methodol 2013;13:91. Example
    // (Bentur et al. 2009): discordant pairs b = 1, c = 7; exact conditional p = 0.070, mid-p = 0.039.
    // By hand: P(X ≤ 1) for Bin(8, 1/2) = 9/256, so p = 18/256 = 0.0703125 and mid-p = 18/256 − 8/256 = 0.0390625.
    [Fact]
    public void Exact_and_mid_p_match_Fagerland_2013()
    {
        var result = McNemar.Exact(1, 7);
        Assert.Equal(18.0 / 256, result.PValue, 15);
        Assert.Equal(10.0 / 256, result.MidPValue, 15);
        Assert.Equal(0.070, Math.Round(result.PValue, 3));
        Assert.Equal(0.039, Math.Round(result.MidPValue, 3));
    }

    [Fact]
    public void No_discordant_pairs_gives_p_1() => Assert.Equal((1.0, 1.0), (McNemar.Exact(0, 0).PValue, McNemar.Exact(0, 0).MidPValue));

    [Fact]
    public void Equal_discordant_counts_give_p_1() => Assert.Equal(1.0, McNemar.Exact(5, 5).PValue);

    [Fact]
    public void Decisions_are_compared_separately_on_diseased_and_non_diseased_cases()
    {
        bool[] labels = [true, true, true, false, false, false];
        bool[] a = [true, true, false, false, false, true];
        bool[] b = [false, true, true, true, false, true];
        var comparison = McNemar.CompareDecisions(a, b, labels);
        // Diseased: case 0 only A right, case 2 only B right. Non-diseased: case 3 only A right.
        Assert.Equal((3L, 1L, 1L), (comparison.Sensitivity.Cases, comparison.Sensitivity.OnlyACorrect, comparison.Sensitivity.OnlyBCorrect));
        Assert.Equal((3L, 1L, 0L), (comparison.Specificity.Cases, comparison.Specificity.OnlyACorrect, comparison.Specificity.OnlyBCorrect));
        Assert.Equal(1.0, comparison.Specificity.PValue);
    }
}
