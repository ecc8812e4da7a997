using System.Globalization;
using MathNet.Numerics.Distributions;

namespace CovidCt.Metrics;

/// <summary>
/// Sample size for a diagnostic-accuracy study: enough cases to estimate sensitivity, specificity or the AUC to a
/// target confidence-interval half-width, or to show with a given power that it differs from a null value.
/// Sensitivity and specificity follow Buderer (1996, Acad Emerg Med 3:895–900) for widths and the one-sample binomial
/// normal approximation for tests; the AUC uses Hanley and McNeil's (1982, Radiology 143:29–36) variance
/// (Q1 = A/(2 − A), Q2 = 2A²/(1 + A)). These are planning figures from the normal approximation: a study near a
/// proportion of 0 or 1 needs the exact intervals of the analysis, and clustered images (several per patient) need
/// more cases by the design effect. <see cref="AucAboveChance(double, double, double, double, bool)"/> uses the binormal
/// variance of Obuchowski, Lieber and Wians (2004) instead and reproduces their published Table 4.
/// </summary>
public static class SampleSize
{
    /// <summary>
    /// Diseased cases for sensitivity <paramref name="expected"/> to have a Wald half-width of at most
    /// <paramref name="halfWidth"/>: z²·Se(1 − Se)/d²; with a <paramref name="prevalence"/>, the total to enrol is that / π.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A proportion is not in (0, 1), or the half-width is not in (0, 0.5].</exception>
    public static SampleSizeResult SensitivityForWidth(double expected, double halfWidth, double? prevalence = null, double level = 0.95)
    {
        var n = ProportionForWidth(expected, halfWidth, level);
        return new SampleSizeResult(n, null, prevalence is { } p ? Total(n, CheckProportion(p, nameof(prevalence))) : null,
            ProportionalWidth(expected, n, level), "buderer", EdgeCaveat(expected));
    }

    /// <summary>Non-diseased cases for specificity <paramref name="expected"/> to have a half-width of at most <paramref name="halfWidth"/>; total = that / (1 − π).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A proportion is not in (0, 1), or the half-width is not in (0, 0.5].</exception>
    public static SampleSizeResult SpecificityForWidth(double expected, double halfWidth, double? prevalence = null, double level = 0.95)
    {
        var n = ProportionForWidth(expected, halfWidth, level);
        return new SampleSizeResult(null, n, prevalence is { } p ? Total(n, 1 - CheckProportion(p, nameof(prevalence))) : null,
            ProportionalWidth(expected, n, level), "buderer", EdgeCaveat(expected));
    }

    /// <summary>
    /// Cases (of the one class the proportion is measured on) for a two-sided test at <paramref name="alpha"/> of
    /// proportion = <paramref name="nullValue"/> to reject with probability <paramref name="power"/> when it is
    /// <paramref name="expected"/>: [z₁₋α/₂√(p₀q₀) + z₁₋β√(p₁q₁)]² / (p₁ − p₀)².
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A proportion, alpha or power is not in (0, 1), or the expected value equals the null value.</exception>
    public static long ProportionTest(double expected, double nullValue, double alpha = 0.05, double power = 0.8)
    {
        CheckProportion(expected, nameof(expected));
        CheckProportion(nullValue, nameof(nullValue));
        CheckProportion(alpha, nameof(alpha));
        CheckProportion(power, nameof(power));
        if (expected == nullValue) throw new ArgumentOutOfRangeException(nameof(expected), "the expected value equals the null value: there is no difference to detect");
        var za = Normal.InvCDF(0, 1, 1 - alpha / 2);
        var zb = Normal.InvCDF(0, 1, power);
        var root = za * Math.Sqrt(nullValue * (1 - nullValue)) + zb * Math.Sqrt(expected * (1 - expected));
        return CeilingOf(root * root / ((expected - nullValue) * (expected - nullValue)));
    }

    /// <summary>Power of that test with <paramref name="cases"/> cases: Φ((|p₁ − p₀|√n − z₁₋α/₂√(p₀q₀)) / √(p₁q₁)).</summary>
    public static double ProportionTestPower(double expected, double nullValue, long cases, double alpha = 0.05)
    {
        var za = Normal.InvCDF(0, 1, 1 - alpha / 2);
        return Normal.CDF(0, 1, (Math.Abs(expected - nullValue) * Math.Sqrt(cases) - za * Math.Sqrt(nullValue * (1 - nullValue))) / Math.Sqrt(expected * (1 - expected)));
    }

    /// <summary>
    /// The smallest number of diseased cases (with ⌈<paramref name="ratio"/>·n⌉ non-diseased) for which the Hanley–McNeil
    /// standard error of AUC <paramref name="expected"/> gives a half-width of at most <paramref name="halfWidth"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The AUC is not in [0.5, 1), the half-width not in (0, 0.5], or the ratio not positive.</exception>
    public static SampleSizeResult AucForWidth(double expected, double halfWidth, double ratio = 1, double level = 0.95)
    {
        CheckAuc(expected, nameof(expected));
        CheckHalfWidth(halfWidth);
        CheckRatio(ratio);
        var z = ProportionIntervals.TwoSidedZ(level);
        var m = Smallest(n => z * Math.Sqrt(AucVariance(expected, n, NonDiseased(n, ratio))) <= halfWidth);
        var nonDiseased = NonDiseased(m, ratio);
        return new SampleSizeResult(m, nonDiseased, m + nonDiseased, z * Math.Sqrt(AucVariance(expected, m, nonDiseased)), "hanley-mcneil", null);
    }

    /// <summary>
    /// The smallest number of diseased cases (with ⌈<paramref name="ratio"/>·n⌉ non-diseased) for a two-sided test at
    /// <paramref name="alpha"/> of AUC = <paramref name="nullValue"/> to reach <paramref name="power"/> when the AUC is
    /// <paramref name="expected"/>: power = Φ((|A₁ − A₀| − z₁₋α/₂·SE₀) / SE₁), SEs by Hanley and McNeil under each AUC.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An AUC is not in [0.5, 1), alpha or power not in (0, 1), the AUCs are equal, or the ratio not positive.</exception>
    public static SampleSizeResult AucTest(double expected, double nullValue, double alpha = 0.05, double power = 0.8, double ratio = 1)
    {
        CheckAuc(expected, nameof(expected));
        CheckAuc(nullValue, nameof(nullValue));
        CheckProportion(alpha, nameof(alpha));
        CheckProportion(power, nameof(power));
        CheckRatio(ratio);
        if (expected == nullValue) throw new ArgumentOutOfRangeException(nameof(expected), "the expected AUC equals the null value: there is no difference to detect");
        var za = Normal.InvCDF(0, 1, 1 - alpha / 2);
        double Power(long n)
        {
            var h = NonDiseased(n, ratio);
            return Normal.CDF(0, 1, (Math.Abs(expected - nullValue) - za * Math.Sqrt(AucVariance(nullValue, n, h))) / Math.Sqrt(AucVariance(expected, n, h)));
        }
        var m = Smallest(n => Power(n) >= power);
        var nonDiseased = NonDiseased(m, ratio);
        return new SampleSizeResult(m, nonDiseased, m + nonDiseased, Power(m), "hanley-mcneil-test", null);
    }

    /// <summary>
    /// Diseased and non-diseased cases for a test that the AUC exceeds chance (0.5), by Obuchowski, Lieber and Wians (2004,
    /// Clin Chem 50:1118–1125, formulas 2 and 3, the method of their Table 4 and of pROC's <c>power.roc.test</c>):
    /// n = (z_α·√(0.0792·(1 + 1/κ)) + z_β·√V(θ))² / (θ − 0.5)² diseased cases and κ·n non-diseased (each rounded up from
    /// the unrounded n), where V(θ) = 0.0099·e^(−A²/2)·((5A² + 8) + (A² + 8)/κ) with A = 1.414·Φ⁻¹(θ) is the variance of
    /// the AUC under the binormal model with equal variances, and 0.0792·(1 + 1/κ) is V at θ = 0.5. Unlike
    /// <see cref="AucTest"/> (Hanley and McNeil's variance), the variance here follows the binormal model.
    /// </summary>
    /// <param name="expected">The AUC the test is expected to have, in (0.5, 1).</param>
    /// <param name="alpha">The significance level: one-sided when <paramref name="oneSided"/> (as the published table), else two-sided.</param>
    /// <param name="power">The power to reach.</param>
    /// <param name="ratio">κ, non-diseased cases per diseased case.</param>
    /// <param name="oneSided">A one-sided test (AUC &gt; 0.5) rather than two-sided.</param>
    /// <exception cref="ArgumentOutOfRangeException">The AUC is not in (0.5, 1), alpha or power not in (0, 1), or the ratio not positive.</exception>
    public static SampleSizeResult AucAboveChance(double expected, double alpha = 0.05, double power = 0.8, double ratio = 1, bool oneSided = false)
    {
        if (!(expected > 0.5 && expected < 1)) throw new ArgumentOutOfRangeException(nameof(expected), $"{nameof(expected)} must be an AUC in (0.5, 1), got {expected}");
        CheckProportion(alpha, nameof(alpha));
        CheckProportion(power, nameof(power));
        CheckRatio(ratio);
        return AucAboveChance(expected, Normal.InvCDF(0, 1, 1 - (oneSided ? alpha : alpha / 2)), Normal.InvCDF(0, 1, power), ratio);
    }

    /// <summary>
    /// <see cref="AucAboveChance(double, double, double, double, bool)"/> from the two normal quantiles themselves: a
    /// published table computed with rounded quantiles (1.645 and 1.28) is reproduced by passing those.
    /// </summary>
    internal static SampleSizeResult AucAboveChance(double expected, double zAlpha, double zBeta, double ratio)
    {
        var nullSe = Math.Sqrt(0.0792 * (1 + 1 / ratio));
        var se = Math.Sqrt(BinormalAucVariance(expected, ratio));
        var effect = expected - 0.5;
        var root = zAlpha * nullSe + zBeta * se;
        var n = root * root / (effect * effect);
        var diseased = CeilingOf(n);
        var nonDiseased = CeilingOf(ratio * n);
        var achieved = Normal.CDF(0, 1, (effect * Math.Sqrt(diseased) - zAlpha * nullSe) / se);
        var caveat = diseased < 10 || nonDiseased < 10
            ? string.Create(CultureInfo.InvariantCulture, $"{diseased} diseased and {nonDiseased} non-diseased cases: the normal approximation behind the formula is poor below about 10 of each; plan at least 10 of each")
            : null;
        return new SampleSizeResult(diseased, nonDiseased, diseased + nonDiseased, achieved, "obuchowski-2004", caveat);
    }

    /// <summary>
    /// Obuchowski, Lieber and Wians's (2004, formula 3) variance of the AUC under the binormal model with equal variances, per
    /// diseased case (divide by the number of diseased cases): 0.0099·e^(−A²/2)·((5A² + 8) + (A² + 8)/κ), A = 1.414·Φ⁻¹(θ),
    /// with the paper's rounded constants.
    /// </summary>
    internal static double BinormalAucVariance(double auc, double ratio)
    {
        var a = 1.414 * Normal.InvCDF(0, 1, auc);
        return 0.0099 * Math.Exp(-a * a / 2) * (5 * a * a + 8 + (a * a + 8) / ratio);
    }

    /// <summary>Hanley and McNeil's (1982) variance of the AUC with <paramref name="diseased"/> and <paramref name="nonDiseased"/> cases.</summary>
    public static double AucVariance(double auc, long diseased, long nonDiseased)
    {
        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        return (auc * (1 - auc) + (diseased - 1) * (q1 - auc * auc) + (nonDiseased - 1) * (q2 - auc * auc)) / ((double)diseased * nonDiseased);
    }

    private static long ProportionForWidth(double expected, double halfWidth, double level)
    {
        CheckProportion(expected, nameof(expected));
        CheckHalfWidth(halfWidth);
        var z = ProportionIntervals.TwoSidedZ(level);
        return CeilingOf(z * z * expected * (1 - expected) / (halfWidth * halfWidth));
    }

    private static double ProportionalWidth(double p, long n, double level) => ProportionIntervals.TwoSidedZ(level) * Math.Sqrt(p * (1 - p) / n);

    private static long Total(long cases, double share) => CeilingOf(cases / share);

    private static long NonDiseased(long diseased, double ratio) => Math.Max(1, CeilingOf(ratio * diseased));

    // Variance formulas give doubles such as 138.29999999999998 for an exact 138.3; rounding to 1e-9 first keeps an
    // exact whole number from becoming one more case.
    private static long CeilingOf(double value) => (long)Math.Ceiling(Math.Round(value, 9));

    // Both criteria improve monotonically with n: double to bracket, then bisect.
    private static long Smallest(Func<long, bool> enough)
    {
        long high = 2;
        while (!enough(high))
        {
            if (high > 1L << 40) throw new ArgumentOutOfRangeException(nameof(enough), "more than 10¹² cases would be needed: the target is not reachable in practice");
            high *= 2;
        }
        var low = high / 2;
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (enough(middle)) high = middle;
            else low = middle;
        }
        return enough(low) ? low : high;
    }

    private static string? EdgeCaveat(double p) => p < 0.05 || p > 0.95
        ? string.Create(CultureInfo.InvariantCulture, $"the expected proportion {p} is near 0 or 1, where the Wald half-width understates the exact interval; plan with margin")
        : null;

    private static double CheckProportion(double value, string name) =>
        value is > 0 and < 1 ? value : throw new ArgumentOutOfRangeException(name, $"{name} must lie strictly between 0 and 1, got {value}");

    private static void CheckHalfWidth(double halfWidth)
    {
        if (!(halfWidth > 0 && halfWidth <= 0.5)) throw new ArgumentOutOfRangeException(nameof(halfWidth), $"the half-width must lie in (0, 0.5], got {halfWidth}");
    }

    private static void CheckAuc(double auc, string name)
    {
        if (!(auc >= 0.5 && auc < 1)) throw new ArgumentOutOfRangeException(name, $"{name} must be an AUC in [0.5, 1), got {auc}");
    }

    private static void CheckRatio(double ratio)
    {
        if (!(ratio > 0 && double.IsFinite(ratio))) throw new ArgumentOutOfRangeException(nameof(ratio), $"the ratio of non-diseased to diseased cases must be positive, got {ratio}");
    }
}
