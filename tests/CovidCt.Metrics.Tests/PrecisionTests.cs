using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

// Issue #17, item 8. Reference values: References/precision.R (R 4.2 qbeta, pbinom, dbinom), output in precision.out.
public sealed class PrecisionTests
{
    [Fact]
    public void Likelihood_ratio_of_the_study_is_exactly_15_5()
    {
        // TP 11, FP 2, TN 29, FN 0: LR+ = 11·31 / (2·11) = 15.5; through 1 − 29/31 it was 15.499999999999988.
        var metrics = DiagnosticMetrics.Compute(new ConfusionCounts(11, 2, 29, 0));
        Assert.Equal(15.5, metrics.PositiveLikelihoodRatio.Value);
        Assert.Equal(2.0 / 31, metrics.PositiveLikelihoodRatio.Denominator);
        Assert.Equal(0.25, DiagnosticMetrics.Compute(new ConfusionCounts(3, 0, 13, 1)).NegativeLikelihoodRatio.Value);
    }

    [Theory]
    [InlineData(7L, ProportionInterval.ClopperPearson, 2.8143630515243512e-12, 1.4422675361648849e-11)]
    [InlineData(7L, ProportionInterval.Jeffreys, 3.131068897526907e-12, 1.3744196431671712e-11)]
    [InlineData(1_000_000_000L, ProportionInterval.ClopperPearson, 0.00099993805243853671, 0.0010000619504500117)]
    [InlineData(1_000_000_000L, ProportionInterval.Jeffreys, 0.0009999380529385211, 0.0010000619499499961)]
    [InlineData(300_000_000_000L, ProportionInterval.ClopperPearson, 0.29999910183174699, 0.30000089816941078)]
    [InlineData(300_000_000_000L, ProportionInterval.Jeffreys, 0.29999910183224698, 0.30000089816891073)]
    public void Beta_quantiles_hold_at_a_trillion_trials(long successes, ProportionInterval method, double lower, double upper)
    {
        var interval = ProportionIntervals.Compute(successes, 1_000_000_000_000, method)!;
        // Relative 1e-12: Math.NET's BetaRegularized was off by up to 5e-6 relative here (x = 7); R's own digits at
        // x = 7 were confirmed with mpmath from the finite binomial sum P(Bin(n, p) ≥ 8) at 60 digits.
        Assert.True(Math.Abs(interval.Lower - lower) <= 1e-12 * lower, $"lower {interval.Lower:R} vs R {lower:R}");
        Assert.True(Math.Abs(interval.Upper - upper) <= 1e-12 * upper, $"upper {interval.Upper:R} vs R {upper:R}");
    }

    [Theory]
    [InlineData(499_000L, 501_000L, 0.045608299865382104, 0.045500317887363188)]
    [InlineData(498_500L, 501_500L, 0.0027086553060597534, 0.002699791631395154)]
    public void McNemar_holds_at_a_million_discordant_pairs(long b, long c, double p, double midP)
    {
        var result = McNemar.Exact(b, c);
        Assert.True(Math.Abs(result.PValue - p) <= 1e-12 * p, $"p {result.PValue:R} vs R {p:R}");
        Assert.True(Math.Abs(result.MidPValue - midP) <= 1e-12 * midP, $"mid-p {result.MidPValue:R} vs R {midP:R}");
    }
}
