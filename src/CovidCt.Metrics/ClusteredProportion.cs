using MathNet.Numerics.Distributions;

namespace CovidCt.Metrics;

/// <summary>
/// A proportion over units grouped in clusters (for example the per-slice sensitivity, slices grouped by patient),
/// with the ratio-estimator variance of Rao and Scott (1992), also used by Obuchowski (1998, "On the comparison of
/// correlated proportions for clustered data", Stat Med 17:1495–1507): Var(p̂) = I/(I − 1) · Σᵢ (xᵢ − p̂·nᵢ)² / N².
/// The interval is Wilson's with the Rao–Scott effective sample size N / max(1, deff), where deff = Var(p̂) / (p̂(1 − p̂)/N):
/// with one unit per cluster it is the plain Wilson interval on N − 1 units (deff = N/(N − 1)).
/// </summary>
public static class ClusteredProportion
{
    /// <summary>The proportion of <paramref name="outcomes"/> that are true, clustered by <paramref name="clusters"/>.</summary>
    /// <param name="outcomes">One outcome per unit (for sensitivity: each diseased slice, true when called positive).</param>
    /// <param name="clusters">One cluster id per unit.</param>
    /// <param name="level">Confidence level.</param>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static ClusteredProportionResult Compute(IReadOnlyList<bool> outcomes, IReadOnlyList<string> clusters, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        if (outcomes.Count != clusters.Count) throw new ArgumentException($"{outcomes.Count} outcomes but {clusters.Count} cluster ids", nameof(clusters));
        var perCluster = outcomes.Select((o, u) => (Outcome: o, Cluster: clusters[u]))
            .GroupBy(p => p.Cluster, StringComparer.Ordinal)
            .Select(g => (Successes: (double)g.Count(p => p.Outcome), Trials: (double)g.Count()))
            .ToArray();
        long successes = outcomes.Count(o => o), trials = outcomes.Count;
        var naive = ProportionIntervals.Compute(successes, trials, ProportionInterval.Wilson, level);
        if (trials == 0) return new(Estimate.Undefined(0, 0, "no units (n = 0)"), naive, double.NaN, 0, 0, null);
        if (perCluster.Length < 2)
        {
            return new(Estimate.Undefined(successes, trials, "one cluster only: the clustered variance needs at least 2"), naive, double.NaN, 0, perCluster.Length, null);
        }
        var p = (double)successes / trials;
        var clusterCount = perCluster.Length;
        var variance = clusterCount / (clusterCount - 1.0) * perCluster.Sum(c => (c.Successes - p * c.Trials) * (c.Successes - p * c.Trials)) / ((double)trials * trials);
        if (successes == 0 || successes == trials)
        {
            return new(Estimate.Defined(successes, trials, p, naive), naive, double.NaN, trials, clusterCount,
                $"p̂ = {p:0} in every cluster, so the clustered variance is 0 and the design effect undefined: the interval is the unclustered Wilson interval");
        }
        var designEffect = variance / (p * (1 - p) / trials);
        // A design effect below 1 mostly reflects a noisy variance from few clusters: it is floored at 1, so the
        // clustered interval is never narrower than the one that treats units as independent.
        var effective = trials / Math.Max(1, designEffect);
        var interval = Wilson(p, effective, level);
        var caveat = designEffect < 1
            ? $"estimated design effect {designEffect:0.###} < 1 (from {clusterCount} clusters): floored at 1, so the interval is Wilson's on all {trials} units"
            : null;
        return new(Estimate.Defined(successes, trials, p, interval), naive, designEffect, effective, clusterCount, caveat);
    }

    /// <summary>Per-unit sensitivity (diseased units called positive) with the clustered interval.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static ClusteredProportionResult Sensitivity(IReadOnlyList<bool> truth, IReadOnlyList<bool> decisions, IReadOnlyList<string> clusters, double level = 0.95) =>
        Among(truth, decisions, clusters, level, diseased: true);

    /// <summary>Per-unit specificity (non-diseased units called negative) with the clustered interval.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static ClusteredProportionResult Specificity(IReadOnlyList<bool> truth, IReadOnlyList<bool> decisions, IReadOnlyList<string> clusters, double level = 0.95) =>
        Among(truth, decisions, clusters, level, diseased: false);

    private static ClusteredProportionResult Among(IReadOnlyList<bool> truth, IReadOnlyList<bool> decisions, IReadOnlyList<string> clusters, double level, bool diseased)
    {
        if (truth.Count != decisions.Count || truth.Count != clusters.Count)
        {
            throw new ArgumentException($"{truth.Count} labels, {decisions.Count} decisions and {clusters.Count} cluster ids: one of each per unit is needed", nameof(clusters));
        }
        var units = Enumerable.Range(0, truth.Count).Where(u => truth[u] == diseased).ToArray();
        return Compute(units.Select(u => decisions[u] == diseased).ToArray(), units.Select(u => clusters[u]).ToArray(), level);
    }

    // Wilson's score interval for proportion p on a (possibly fractional) effective sample size n.
    private static ConfidenceInterval Wilson(double p, double n, double level)
    {
        var z = Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new ConfidenceInterval(centre - half, centre + half, level, "wilson-rao-scott");
    }
}
