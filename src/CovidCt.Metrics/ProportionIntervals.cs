using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace CovidCt.Metrics;

/// <summary>Confidence intervals for a binomial proportion x/n (Wilson, Clopper–Pearson, Jeffreys) at any level.</summary>
public static class ProportionIntervals
{
    /// <summary>
    /// The two-sided interval for <paramref name="successes"/> out of <paramref name="trials"/>.
    /// At x = 0 the lower bound is exactly 0 and at x = n the upper bound is exactly 1 for every method
    /// (Clopper–Pearson defines it so; Jeffreys is pinned as Brown, Cai and DasGupta 2001 recommend; Wilson reaches it analytically).
    /// Returns null when <paramref name="trials"/> is 0: there is no proportion to bound.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Counts are negative, x &gt; n, or the level is not in (0, 1).</exception>
    public static ConfidenceInterval? Compute(long successes, long trials, ProportionInterval method = ProportionInterval.Wilson, double level = 0.95)
    {
        if (trials < 0 || successes < 0 || successes > trials) throw new ArgumentOutOfRangeException(nameof(successes), $"need 0 ≤ x ≤ n, got x = {successes}, n = {trials}");
        CheckLevel(level);
        if (trials == 0) return null;
        var alpha = 1 - level;
        var (lower, upper) = method switch
        {
            ProportionInterval.Wilson => Wilson(successes, trials, alpha),
            ProportionInterval.ClopperPearson => (
                successes == 0 ? 0 : BetaQuantile(successes, trials - successes + 1, alpha / 2),
                successes == trials ? 1 : BetaQuantile(successes + 1, trials - successes, 1 - alpha / 2)),
            ProportionInterval.Jeffreys => (
                successes == 0 ? 0 : BetaQuantile(successes + 0.5, trials - successes + 0.5, alpha / 2),
                successes == trials ? 1 : BetaQuantile(successes + 0.5, trials - successes + 0.5, 1 - alpha / 2)),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
        return new ConfidenceInterval(lower, upper, level, Name(method));
    }

    /// <summary>The short name of <paramref name="method"/> used in output: wilson, clopper-pearson, jeffreys.</summary>
    public static string Name(ProportionInterval method) => method switch
    {
        ProportionInterval.Wilson => "wilson",
        ProportionInterval.ClopperPearson => "clopper-pearson",
        ProportionInterval.Jeffreys => "jeffreys",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    /// <summary>The standard normal quantile z with P(|Z| ≤ z) = <paramref name="level"/>.</summary>
    public static double TwoSidedZ(double level)
    {
        CheckLevel(level);
        return Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
    }

    internal static void CheckLevel(double level)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), $"the confidence level must lie in (0, 1), got {level}");
    }

    // Same algebra as statsmodels' proportion_confint(method="wilson"), so results agree to rounding.
    private static (double Lower, double Upper) Wilson(long x, long n, double alpha)
    {
        var z = Normal.InvCDF(0, 1, 1 - alpha / 2);
        var z2 = z * z;
        var p = (double)x / n;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2.0 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return (x == 0 ? 0 : centre - half, x == n ? 1 : centre + half);
    }

    /// <summary>
    /// From this many trials on, Beta quantiles use <see cref="IncompleteBeta"/>: Math.NET's BetaRegularized forms
    /// x^a (1 − x)^b directly and drifts by about 1e-10 at n = 10¹²; below it both agree to 1e-14 and the
    /// published agreements with statsmodels stay as they were.
    /// </summary>
    internal const double LargeCountThreshold = 1e6;

    // Bisection on the regularized incomplete beta function down to adjacent doubles, so the
    // quantile's accuracy is that of the incomplete beta alone, whatever tolerance a root finder would use.
    internal static double BetaQuantile(double a, double b, double probability)
    {
        Func<double, double> cdf = a + b >= LargeCountThreshold
            ? x => IncompleteBeta.Regularized(a, b, x)
            : x => SpecialFunctions.BetaRegularized(a, b, x);
        var (low, high) = a + b >= LargeCountThreshold ? Bracket(a, b, probability, cdf) : (0.0, 1.0);
        for (var i = 0; i < 200; i++)
        {
            var middle = 0.5 * (low + high);
            if (middle <= low || middle >= high) break;
            if (cdf(middle) < probability) low = middle;
            else high = middle;
        }
        return 0.5 * (low + high);
    }

    // Mean ± 40 SD of Beta(a, b), checked to hold the quantile (else all of [0, 1]): far from the mean the continued
    // fraction needs many terms, and at 10¹² trials the quantile is never that far out.
    private static (double Low, double High) Bracket(double a, double b, double probability, Func<double, double> cdf)
    {
        var mean = a / (a + b);
        var sd = Math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
        var low = Math.Max(0, mean - 40 * sd);
        var high = Math.Min(1, mean + 40 * sd);
        return cdf(low) <= probability && cdf(high) >= probability ? (low, high) : (0, 1);
    }
}
