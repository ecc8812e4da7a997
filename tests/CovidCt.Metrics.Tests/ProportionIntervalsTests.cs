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
    // Exact references computed with mpmath 1.3.0 at 40 significant digits (bisection of the regularized
    // incomplete beta function; z from erfinv), rounded to 17 digits. statsmodels' proportion_confint
    // (wilson, beta, jeffreys) computes the same quantities with scipy, so agreeing here to 1e-12 is what
    // makes the promised 1e-9 agreement with statsmodels hold.
    [InlineData(81, 263, 0.95, 0.25528851987827424, 0.36620957698280006, 0.25273674558527117, 0.36762192260135135, 0.25452193499102348, 0.3656474991740824)]
    [InlineData(15, 148, 0.95, 0.062386399530736286, 0.16048724172330803, 0.057844010083448566, 0.161650490349479, 0.060448517009296444, 0.15764314347874117)]
    [InlineData(1, 29, 0.95, 0.0061132142927626622, 0.17175521879320284, 0.00087264688357992278, 0.1776442954887229, 0.0037461736490570759, 0.15007768600223173)]
    [InlineData(5, 7, 0.9, 0.40866754551119751, 0.90043415643771296, 0.34126143615533595, 0.94662449952976281, 0.40711532005349237, 0.91188439729614878)]
    [InlineData(997, 1000, 0.99, 0.98820648331707508, 0.99924189876893853, 0.98906622257959476, 0.99966185547093351, 0.98989977841182762, 0.99950487545613034)]
    public void All_methods_agree_with_high_precision_references(long x, long n, double level,
        double wilsonLower, double wilsonUpper, double exactLower, double exactUpper, double jeffreysLower, double jeffreysUpper)
    {
        AssertClose(wilsonLower, wilsonUpper, ProportionIntervals.Compute(x, n, ProportionInterval.Wilson, level)!);
        AssertClose(exactLower, exactUpper, ProportionIntervals.Compute(x, n, ProportionInterval.ClopperPearson, level)!);
        AssertClose(jeffreysLower, jeffreysUpper, ProportionIntervals.Compute(x, n, ProportionInterval.Jeffreys, level)!);
    }

    private static void AssertClose(double lower, double upper, ConfidenceInterval actual)
    {
        Assert.True(Math.Abs(actual.Lower - lower) < 1e-12, $"lower {actual.Lower:R} vs {lower:R}");
        Assert.True(Math.Abs(actual.Upper - upper) < 1e-12, $"upper {actual.Upper:R} vs {upper:R}");
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
