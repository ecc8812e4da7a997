namespace CovidCt.Metrics;

/// <summary>McNemar's exact (binomial) test and its mid-p variant for paired binary decisions.</summary>
public static class McNemar
{
    /// <summary>
    /// The exact test on <paramref name="onlyACorrect"/> = b and <paramref name="onlyBCorrect"/> = c discordant pairs;
    /// the same p as statsmodels' <c>mcnemar(table, exact=True)</c>. <paramref name="cases"/> only labels the result.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or b + c exceeds int.MaxValue.</exception>
    public static McNemarResult Exact(long onlyACorrect, long onlyBCorrect, long? cases = null)
    {
        if (onlyACorrect < 0 || onlyBCorrect < 0) throw new ArgumentOutOfRangeException(nameof(onlyACorrect), "discordant counts must be non-negative");
        var n = onlyACorrect + onlyBCorrect;
        if (n > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(onlyACorrect), $"{n} discordant pairs exceed the exact test's range ({int.MaxValue})");
        var k = Math.Min(onlyACorrect, onlyBCorrect);
        var (atMost, exactly) = BinomialHalfTail(n, k);
        return new McNemarResult(cases ?? n, onlyACorrect, onlyBCorrect, Math.Min(1, 2 * atMost), Math.Min(1, 2 * atMost - exactly));
    }

    /// <summary>Compares decisions A and B (true = called positive) on the same cases against <paramref name="labels"/> (true = diseased).</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static PairedDecisionComparison CompareDecisions(IReadOnlyList<bool> decisionsA, IReadOnlyList<bool> decisionsB, IReadOnlyList<bool> labels)
    {
        if (decisionsA.Count != labels.Count || decisionsB.Count != labels.Count)
        {
            throw new ArgumentException($"{labels.Count} labels but {decisionsA.Count} decisions in A and {decisionsB.Count} in B", nameof(labels));
        }
        long diseased = 0, nonDiseased = 0, sensA = 0, sensB = 0, specA = 0, specB = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            bool correctA = decisionsA[i] == labels[i], correctB = decisionsB[i] == labels[i];
            if (correctA == correctB)
            {
                if (labels[i]) diseased++;
                else nonDiseased++;
                continue;
            }
            if (labels[i]) { diseased++; if (correctA) sensA++; else sensB++; }
            else { nonDiseased++; if (correctA) specA++; else specB++; }
        }
        return new PairedDecisionComparison(Exact(sensA, sensB, diseased), Exact(specA, specB, nonDiseased));
    }

    // P(X ≤ k) and P(X = k) for X ~ Bin(n, 1/2), k ≤ n/2: the term at k by Loader's saddle point (no ln Γ of n,
    // which at n = 10⁶ already costs 1e-9 relative), then the terms below it by the ratio t(i−1) = t(i)·i/(n − i + 1),
    // summed from the smallest up, until they no longer change the sum.
    // Up to 1000 pairs 2⁻ⁿ is an exact double and the terms are built upward from it, as exactly as before.
    private static (double AtMost, double Exactly) BinomialHalfTail(long n, long k)
    {
        if (n <= 1000)
        {
            double term = Math.ScaleB(1, (int)-n), upward = term;
            for (long i = 0; i < k; i++)
            {
                term *= (n - i) / (double)(i + 1);
                upward += term;
            }
            return (upward, term);
        }
        var exactly = Math.Exp(BinomialDensity.LogRaw(k, n, 0.5, 0.5));
        var terms = new List<double> { exactly };
        var below = exactly;
        for (var i = k; i > 0; i--)
        {
            below *= i / (double)(n - i + 1);
            if (below < exactly * 1e-17) break;
            terms.Add(below);
        }
        double sum = 0;
        for (var i = terms.Count - 1; i >= 0; i--) sum += terms[i];
        return (sum, exactly);
    }
}
