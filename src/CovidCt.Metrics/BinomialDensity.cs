using MathNet.Numerics;

namespace CovidCt.Metrics;

/// <summary>
/// Binomial and beta densities by Loader's saddle-point form (Loader 2000, "Fast and accurate computation of
/// binomial probabilities", as in R's dbinom and dbeta). Written as a deviance, the exponent stays small even at
/// n = 10¹², where x·ln p + (n − x)·ln q would lose every digit to cancellation.
/// </summary>
internal static class BinomialDensity
{
    private const double LogTwoPi = 1.8378770664093454835606594728112;
    private const double LogSqrtTwoPi = 0.91893853320467274178032973640562;

    /// <summary>ln P(X = x) for X ~ Bin(n, p) with q = 1 − p given separately; x and n need not be integers.</summary>
    public static double LogRaw(double x, double n, double p, double q)
    {
        if (x == 0) return n == 0 ? 0 : n * LogOfComplement(q, p);
        if (x == n) return n * LogOfComplement(p, q);
        var exponent = Stirlerr(n) - Stirlerr(x) - Stirlerr(n - x) - Deviance(x, n * p) - Deviance(n - x, n * q);
        return exponent - 0.5 * (LogTwoPi + Math.Log(x) + Math.Log(1 - x / n));
    }

    /// <summary>ln of the Beta(a, b) density at x, for a, b ≥ 1/2 and 0 &lt; x &lt; 1, with <paramref name="complement"/> = 1 − x given exactly.</summary>
    public static double LogBetaDensity(double x, double complement, double a, double b) =>
        a >= 2 && b >= 2
            ? Math.Log(a + b - 1) + LogRaw(a - 1, a + b - 2, x, complement)
            : (a - 1) * LogOfComplement(x, complement) + (b - 1) * LogOfComplement(complement, x) - LogBeta(a, b);

    /// <summary>
    /// ln <paramref name="value"/>, where <paramref name="complement"/> = 1 − value: through log1p(−complement) when the
    /// complement is the small one, so a value of 1 − 10⁻¹¹ keeps the digits its rounded double would lose.
    /// </summary>
    public static double LogOfComplement(double value, double complement) => complement < 0.5 ? Log1P(-complement) : Math.Log(value);

    // ln(1 + u) to full precision for small u (.NET has no log1p): the rounding of 1 + u is divided back out.
    private static double Log1P(double u)
    {
        var w = 1 + u;
        return w == 1 ? u : Math.Log(w) * u / (w - 1);
    }

    /// <summary>ln B(a, b) without the cancellation of ln Γ(a) + ln Γ(b) − ln Γ(a + b) when one argument is huge (R's lbeta).</summary>
    public static double LogBeta(double a, double b)
    {
        var p = Math.Min(a, b);
        var q = Math.Max(a, b);
        if (p >= 10)
        {
            return -0.5 * Math.Log(q) + LogSqrtTwoPi + Stirlerr(p) + Stirlerr(q) - Stirlerr(p + q)
                + (p - 0.5) * Math.Log(p / (p + q)) + q * Math.Log(1 - p / (p + q));
        }
        if (q >= 10)
        {
            return SpecialFunctions.GammaLn(p) + Stirlerr(q) - Stirlerr(p + q) + p - p * Math.Log(p + q)
                + (q - 0.5) * Math.Log(1 - p / (p + q));
        }
        return SpecialFunctions.BetaLn(p, q);
    }

    // ln Γ(n + 1) − (n + ½) ln n + n − ln √(2π); the series is exact to double precision above 15.
    private static double Stirlerr(double n)
    {
        if (n <= 15) return SpecialFunctions.GammaLn(n + 1) - (n + 0.5) * Math.Log(n) + n - LogSqrtTwoPi;
        var n2 = n * n;
        return n > 500 ? (1.0 / 12 - 1.0 / 360 / n2) / n
            : (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / 1188 / n2) / n2) / n2) / n2) / n;
    }

    // x ln(x / m) + m − x, by its series when x is near m (where the direct form cancels).
    private static double Deviance(double x, double m)
    {
        if (Math.Abs(x - m) >= 0.1 * (x + m)) return x * Math.Log(x / m) + m - x;
        var v = (x - m) / (x + m);
        var sum = (x - m) * v;
        var term = 2 * x * v;
        v *= v;
        for (var j = 1; j < 1000; j++)
        {
            term *= v;
            var next = sum + term / (2 * j + 1);
            if (next == sum) return next;
            sum = next;
        }
        return sum;
    }
}
