namespace CovidCt.Metrics;

/// <summary>
/// The regularized incomplete beta function I_x(a, b) for large a + b: the continued fraction of Numerical Recipes
/// (modified Lentz) or, just past the mean at small x, the positive hypergeometric series, scaled by a prefactor taken
/// from <see cref="BinomialDensity"/> so that it keeps its digits at n = 10¹². Used by <see cref="ProportionIntervals"/>
/// from <see cref="ProportionIntervals.LargeCountThreshold"/> trials on.
/// </summary>
internal static class IncompleteBeta
{
    private const double Tiny = 1e-300;

    /// <summary>I_x(a, b) for a, b ≥ 1/2 and x in [0, 1].</summary>
    public static double Regularized(double a, double b, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        // Past the mean the fraction converges for I_{1−x}(b, a) instead, but only while 1 − x keeps x's digits: below
        // 0.01 the rounding of 1 − x would cost up to 1e-5 relative (x = 10⁻¹¹), so there the series in x is used.
        if (x < (a + 1) / (a + b + 2)) return Lower(a, b, x, 1 - x, ContinuedFractionLog);
        return x < 0.01 ? Lower(a, b, x, 1 - x, SeriesLog) : 1 - Lower(b, a, 1 - x, x, ContinuedFractionLog);
    }

    // x^a (1 − x)^b / (a B(a, b)) · S, where x^a (1 − x)^b / B(a, b) = density · x (1 − x) and ln S comes from logSum.
    private static double Lower(double a, double b, double x, double complement, Func<double, double, double, double, double> logSum) =>
        Math.Exp(BinomialDensity.LogBetaDensity(x, complement, a, b) + BinomialDensity.LogOfComplement(x, complement)
            + BinomialDensity.LogOfComplement(complement, x) - Math.Log(a) + logSum(a, b, x, complement));

    // ln Σₙ (a + b)ₙ / (a + 1)ₙ · xⁿ (DLMF 8.17.8, ₂F₁(a + b, 1; a + 1; x)): positive terms, no cancellation, and few of
    // them while (a + b)·x is moderate, which is where it is used. Rescaled as it goes so that the terms never overflow.
    private static double SeriesLog(double a, double b, double x, double complement)
    {
        double term = 1, sum = 1, logScale = 0;
        for (var n = 0; n < 100_000_000; n++)
        {
            term *= (a + b + n) * x / (a + 1 + n);
            var next = sum + term;
            if (next == sum) break;
            sum = next;
            if (sum > 1e250)
            {
                sum /= 1e250;
                term /= 1e250;
                logScale += 250 * Math.Log(10);
            }
        }
        return logScale + Math.Log(sum);
    }

    private static double ContinuedFractionLog(double a, double b, double x, double complement) => Math.Log(ContinuedFraction(a, b, x, complement));

    // Converges in O(√max(a, b)) terms near the mean; the cap is far above that for any count a long can hold.
    // The first denominator 1 − (a + b)x/(a + 1) is written as (a(1 − x) + 1 − b·x)/(a + 1): with a = 10¹² and x near 1
    // the direct form cancels to a few digits.
    private static double ContinuedFraction(double a, double b, double x, double complement)
    {
        double c = 1, d = (a * complement + 1 - b * x) / (a + 1);
        if (Math.Abs(d) < Tiny) d = Tiny;
        d = 1 / d;
        var h = d;
        for (var m = 1; m < 100_000_000; m++)
        {
            var m2 = 2.0 * m;
            var even = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
            d = 1 + even * d;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + even / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            h *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
            d = 1 + odd * d;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + odd / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            var step = d * c;
            h *= step;
            if (Math.Abs(step - 1) < 1e-16) return h;
        }
        return h;
    }
}
