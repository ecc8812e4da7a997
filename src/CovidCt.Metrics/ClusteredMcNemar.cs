using MathNet.Numerics.Distributions;

namespace CovidCt.Metrics;

/// <summary>
/// McNemar's test for clustered paired decisions (Durkalski, Palesch, Lipsitz and Rust 2003, "Analysis of clustered
/// matched-pair data", Stat Med 22:2417–2428): X² = (Σᵢ (bᵢ − cᵢ))² / Σᵢ (bᵢ − cᵢ)², χ² with 1 df, where bᵢ and cᵢ are
/// the discordant units of cluster i. With one unit per cluster it is McNemar's uncorrected χ² = (b − c)² / (b + c).
/// Also gives the difference in proportions correct (b − c)/n with the ratio-estimator interval of Obuchowski (1998).
/// </summary>
public static class ClusteredMcNemar
{
    /// <summary>The test among the given units: <paramref name="correctA"/>[u] and <paramref name="correctB"/>[u] say whether A and B were right on unit u.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static ClusteredMcNemarResult Test(IReadOnlyList<bool> correctA, IReadOnlyList<bool> correctB, IReadOnlyList<string> clusters, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        if (correctA.Count != correctB.Count || correctA.Count != clusters.Count)
        {
            throw new ArgumentException($"{correctA.Count} decisions in A, {correctB.Count} in B and {clusters.Count} cluster ids: one of each per unit is needed", nameof(clusters));
        }
        var perCluster = Enumerable.Range(0, clusters.Count)
            .GroupBy(u => clusters[u], StringComparer.Ordinal)
            .Select(g => (Difference: (double)g.Count(u => correctA[u] && !correctB[u]) - g.Count(u => !correctA[u] && correctB[u]), Units: (double)g.Count()))
            .ToArray();
        long onlyA = Enumerable.Range(0, clusters.Count).LongCount(u => correctA[u] && !correctB[u]);
        long onlyB = Enumerable.Range(0, clusters.Count).LongCount(u => !correctA[u] && correctB[u]);
        var sumOfSquares = perCluster.Sum(c => c.Difference * c.Difference);
        var total = onlyA - onlyB;
        double chiSquare = sumOfSquares == 0 ? 0 : total * (double)total / sumOfSquares;
        var p = sumOfSquares == 0 ? 1 : 1 - ChiSquared.CDF(1, chiSquare);
        return new ClusteredMcNemarResult(clusters.Count, perCluster.Length, onlyA, onlyB, chiSquare, p, Difference(perCluster, onlyA - onlyB, clusters.Count, level));
    }

    /// <summary>
    /// Compares decisions A and B (true = called positive) against <paramref name="labels"/>, separately among diseased
    /// units (sensitivity) and non-diseased units (specificity), clustered by <paramref name="clusters"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static ClusteredPairedComparison CompareDecisions(IReadOnlyList<bool> decisionsA, IReadOnlyList<bool> decisionsB, IReadOnlyList<bool> labels, IReadOnlyList<string> clusters, double level = 0.95)
    {
        if (decisionsA.Count != labels.Count || decisionsB.Count != labels.Count || clusters.Count != labels.Count)
        {
            throw new ArgumentException($"{labels.Count} labels but {decisionsA.Count} decisions in A, {decisionsB.Count} in B and {clusters.Count} cluster ids", nameof(labels));
        }
        ClusteredMcNemarResult Among(bool diseased)
        {
            var units = Enumerable.Range(0, labels.Count).Where(u => labels[u] == diseased).ToArray();
            return Test(units.Select(u => decisionsA[u] == diseased).ToArray(), units.Select(u => decisionsB[u] == diseased).ToArray(), units.Select(u => clusters[u]).ToArray(), level);
        }
        return new ClusteredPairedComparison(Among(true), Among(false));
    }

    // (b − c)/n with Var = I/(I − 1) · Σᵢ (dᵢ − d̂·nᵢ)² / n², the ratio estimator applied to per-cluster differences.
    private static Estimate Difference((double Difference, double Units)[] perCluster, long total, long units, double level)
    {
        if (units == 0) return Estimate.Undefined(total, 0, "no units (n = 0)");
        var d = (double)total / units;
        if (perCluster.Length < 2) return Estimate.Undefined(total, units, "one cluster only: the clustered variance needs at least 2");
        var i = perCluster.Length;
        var variance = i / (i - 1.0) * perCluster.Sum(c => (c.Difference - d * c.Units) * (c.Difference - d * c.Units)) / ((double)units * units);
        var half = ProportionIntervals.TwoSidedZ(level) * Math.Sqrt(variance);
        return Estimate.Defined(total, units, d, new ConfidenceInterval(Math.Max(-1, d - half), Math.Min(1, d + half), level, "clustered-wald"));
    }
}
