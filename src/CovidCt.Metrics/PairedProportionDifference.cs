namespace CovidCt.Metrics;

/// <summary>
/// The difference between two paired proportions with Newcombe's square-and-add interval (Newcombe 1998, "Improved
/// confidence intervals for the difference between binomial proportions based on paired data", Stat Med 17:2635–2650,
/// method 10): Wilson limits of each margin combined with the correlation φ of the paired table, φ shrunk towards 0 by
/// N/2 when positive. Used for the difference in sensitivity (among diseased cases) and in specificity (among
/// non-diseased cases) of two detectors read on the same cases.
/// </summary>
public static class PairedProportionDifference
{
    /// <summary>
    /// p₁ − p₂ for a paired table: <paramref name="both"/> successes under both, <paramref name="onlyFirst"/> under the
    /// first only, <paramref name="onlySecond"/> under the second only, <paramref name="neither"/> under neither.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the level is not in (0, 1).</exception>
    public static Estimate Newcombe(long both, long onlyFirst, long onlySecond, long neither, double level = 0.95)
    {
        if (both < 0 || onlyFirst < 0 || onlySecond < 0 || neither < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(both), $"paired counts must be non-negative, got {both}, {onlyFirst}, {onlySecond}, {neither}");
        }
        ProportionIntervals.CheckLevel(level);
        var n = both + onlyFirst + onlySecond + neither;
        if (n == 0) return Estimate.Undefined(0, 0, "no pairs (N = 0)");
        long first = both + onlyFirst, second = both + onlySecond;
        double p1 = (double)first / n, p2 = (double)second / n;
        var (l1, u1) = Bounds(ProportionIntervals.Compute(first, n, ProportionInterval.Wilson, level)!);
        var (l2, u2) = Bounds(ProportionIntervals.Compute(second, n, ProportionInterval.Wilson, level)!);
        var phi = Correlation(both, onlyFirst, onlySecond, neither, n);
        var d = p1 - p2;
        var lower = d - Math.Sqrt(Math.Max(0, (p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2) - 2 * phi * (p1 - l1) * (u2 - p2)));
        var upper = d + Math.Sqrt(Math.Max(0, (p2 - l2) * (p2 - l2) + (u1 - p1) * (u1 - p1) - 2 * phi * (p2 - l2) * (u1 - p1)));
        return Estimate.Defined(onlyFirst - onlySecond, n, d, new ConfidenceInterval(lower, upper, level, "newcombe-paired"));
    }

    /// <summary>Sensitivity and specificity of decisions A minus those of decisions B on the same cases, each with Newcombe's paired interval.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static (Estimate Sensitivity, Estimate Specificity) CompareDecisions(IReadOnlyList<bool> decisionsA, IReadOnlyList<bool> decisionsB, IReadOnlyList<bool> labels, double level = 0.95)
    {
        if (decisionsA.Count != labels.Count || decisionsB.Count != labels.Count)
        {
            throw new ArgumentException($"{labels.Count} labels but {decisionsA.Count} decisions in A and {decisionsB.Count} in B", nameof(labels));
        }
        Estimate Among(bool diseased)
        {
            long both = 0, onlyA = 0, onlyB = 0, neither = 0;
            for (var i = 0; i < labels.Count; i++)
            {
                if (labels[i] != diseased) continue;
                bool a = decisionsA[i] == diseased, b = decisionsB[i] == diseased;
                if (a && b) both++;
                else if (a) onlyA++;
                else if (b) onlyB++;
                else neither++;
            }
            return Newcombe(both, onlyA, onlyB, neither, level);
        }
        return (Among(true), Among(false));
    }

    // Newcombe's φ: (AD − BC)/√(product of the margins), with AD − BC reduced by N/2 when it exceeds N/2 and set to 0
    // between 0 and N/2; 0 when a margin is empty.
    private static double Correlation(long a, long b, long c, long d, long n)
    {
        double rows1 = a + b, rows2 = c + d, cols1 = a + c, cols2 = b + d;
        if (rows1 == 0 || rows2 == 0 || cols1 == 0 || cols2 == 0) return 0;
        var cross = (double)a * d - (double)b * c;
        var shrunk = cross > n / 2.0 ? cross - n / 2.0 : cross >= 0 ? 0 : cross;
        return shrunk / Math.Sqrt(rows1 * rows2 * cols1 * cols2);
    }

    private static (double Lower, double Upper) Bounds(ConfidenceInterval interval) => (interval.Lower, interval.Upper);
}
