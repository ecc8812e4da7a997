namespace CovidCt.Metrics;

/// <summary>
/// The regularized incomplete beta function I_x(a, b) for large a + b: the continued fraction of Numerical Recipes
/// (modified Lentz), scaled by a prefactor taken from <see cref="BinomialDensity"/> so that it keeps its digits at
/// n = 10¹². Used by <see cref="ProportionIntervals"/> from <see cref="ProportionIntervals.LargeCountThreshold"/> trials on.
/// </summary>
internal static class IncompleteBeta
{
    private const double Tiny = 1e-300;

    /// <summary>I_x(a, b) for a, b ≥ 1/2 and x in [0, 1].</summary>
    public static double Regularized(double a, double b, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        return x < (a + 1) / (a + b + 2) ? Lower(a, b, x) : 1 - Lower(b, a, 1 - x);
    }

    // x^a (1 − x)^b / (a B(a, b)) · CF, where x^a (1 − x)^b / B(a, b) = density · x (1 − x).
    private static double Lower(double a, double b, double x) =>
        Math.Exp(BinomialDensity.LogBetaDensity(x, a, b) + Math.Log(x) + Math.Log(1 - x) - Math.Log(a)) * ContinuedFraction(a, b, x);

    // Converges in O(√max(a, b)) terms near the mean; the cap is far above that for any count a long can hold.
    private static double ContinuedFraction(double a, double b, double x)
    {
        double c = 1, d = 1 - (a + b) * x / (a + 1);
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
