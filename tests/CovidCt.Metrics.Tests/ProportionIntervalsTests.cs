using CovidCt.Metrics;
using MathNet.Numerics;

namespace CovidCt.Metrics.Tests;

public sealed class ProportionIntervalsTests
{
    // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
    // methods. Stat Med 1998;17:857–872, Table I: method 3 (Wilson score, no continuity correction)
    // and method 5 (Clopper–Pearson exact), 95% intervals printed to 4 decimals.
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_matches_Newcombe_1998_table_I(long x, long n, double lower, double upper)
    {
        var ci = ProportionIntervals.Compute(x, n, ProportionInterval.Wilson)!;
        Assert.Equal(lower, Math.Round(ci.Lower, 4));
        Assert.Equal(upper, Math.Round(ci.Upper, 4));
    }

    [Theory]
    [InlineData(81, 263, 0.2527, 0.3676)]
    [InlineData(15, 148, 0.0578, 0.1617)]
    [InlineData(0, 20, 0.0000, 0.1684)]
    [InlineData(1, 29, 0.0009, 0.1776)]
    public void Clopper_Pearson_matches_Newcombe_1998_table_I(long x, long n, double lower, double upper)
    {
        var ci = ProportionIntervals.Compute(x, n, ProportionInterval.ClopperPearson)!;
        Assert.Equal(lower, Math.Round(ci.Lower, 4));
        Assert.Equal(upper, Math.Round(ci.Upper, 4));
    }

    [Theory]
    [InlineData(ProportionInterval.Wilson)]
    [InlineData(ProportionInterval.ClopperPearson)]
    [InlineData(ProportionInterval.Jeffreys)]
    public void Bounds_are_exactly_0_at_none_and_1_at_all(ProportionInterval method)
    {
        var none = ProportionIntervals.Compute(0, 17, method)!;
        var all = ProportionIntervals.Compute(17, 17, method)!;
        Assert.Equal(0.0, none.Lower);
        Assert.True(none.Upper is > 0 and < 1);
        Assert.Equal(1.0, all.Upper);
        Assert.True(all.Lower is > 0 and < 1);
    }

    [Fact]
    public void Jeffreys_bounds_are_the_Beta_quantiles_to_double_precision()
    {
        // Jeffreys: Beta(x + 1/2, n − x + 1/2) quantiles at α/2 and 1 − α/2 (Brown, Cai and DasGupta 2001).
        var ci = ProportionIntervals.Compute(81, 263, ProportionInterval.Jeffreys, 0.9)!;
        Assert.Equal(0.05, SpecialFunctions.BetaRegularized(81.5, 182.5, ci.Lower), 12);
        Assert.Equal(0.95, SpecialFunctions.BetaRegularized(81.5, 182.5, ci.Upper), 12);
    }

    [Fact]
    public void No_trials_gives_no_interval() => Assert.Null(ProportionIntervals.Compute(0, 0));

    [Fact]
    public void A_level_outside_0_1_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionIntervals.Compute(1, 2, ProportionInterval.Wilson, 1.0));

    [Fact]
    public void Every_interval_contains_the_estimate_and_nests_by_level() =>
        Properties.Check(Properties.Proportion, t =>
        {
            var (x, n, method) = t;
            var p = (double)x / n;
            var narrow = ProportionIntervals.Compute(x, n, method, 0.8)!;
            var wide = ProportionIntervals.Compute(x, n, method, 0.99)!;
            return narrow.Contains(p) && wide.Lower <= narrow.Lower + 1e-15 && wide.Upper >= narrow.Upper - 1e-15
                && wide.Lower >= 0 && wide.Upper <= 1;
        });
}
