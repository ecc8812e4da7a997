using MathNet.Numerics.Distributions;

namespace CovidCt.Metrics;

/// <summary>
/// Obuchowski's nonparametric variance of the AUC for clustered data (Obuchowski 1997, "Nonparametric analysis of
/// clustered ROC curve data", Biometrics 53:567–578): units (slices) are grouped in clusters (patients), each cluster
/// may hold diseased and non-diseased units, and placement values are summed per cluster before their variance is
/// taken, so the correlation of slices of one patient widens the interval instead of being ignored. With one unit per
/// cluster it is exactly DeLong's variance. Needs at least two clusters with a diseased unit and two with a non-diseased
/// unit (<see cref="WhyUndefined"/> says which is missing).
/// </summary>
public static class ClusteredAuc
{
    /// <summary>The clustered AUC variance and intervals; null when <see cref="WhyUndefined"/> gives a reason.</summary>
    /// <param name="scores">One score per unit (higher = more likely diseased).</param>
    /// <param name="labels">One truth per unit (true = diseased).</param>
    /// <param name="clusters">One cluster id per unit, e.g. the patient of each slice.</param>
    /// <param name="level">Confidence level.</param>
    /// <exception cref="ArgumentException">The three lists differ in length or a score is not finite.</exception>
    public static ClusteredAucResult? Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, IReadOnlyList<string> clusters, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        CheckLengths(scores.Count, labels, clusters);
        if (WhyUndefined(labels, clusters) is not null) return null;
        var design = ClusterDesign.From(labels, clusters);
        var sums = design.Sums(PlacementValues.Compute(scores, labels));
        var variance = design.Covariance(sums, sums);
        var naive = DeLong.FromPlacements(PlacementValues.Compute(scores, labels), level);
        var interval = Intervals(sums.Auc, variance, level);
        return new ClusteredAucResult(sums.Auc, variance, naive.Variance, design.Clusters, design.Diseased, design.NonDiseased, interval.Plain, interval.Logit);
    }

    /// <summary>
    /// Obuchowski's clustered comparison of two AUCs on the same units (paired design): the covariance includes the
    /// cross-cluster terms S11 of both orders. Returned as a <see cref="PairedDeLongResult"/> whose interval's method
    /// is <c>obuchowski</c>; with one unit per cluster it equals <see cref="DeLong.Paired"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, a score is not finite, or <see cref="WhyUndefined"/> gives a reason.</exception>
    public static PairedDeLongResult Paired(IReadOnlyList<double> scoresA, IReadOnlyList<double> scoresB, IReadOnlyList<bool> labels, IReadOnlyList<string> clusters, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        CheckLengths(scoresA.Count, labels, clusters);
        CheckLengths(scoresB.Count, labels, clusters);
        if (WhyUndefined(labels, clusters) is { } reason) throw new ArgumentException($"the clustered AUC comparison is undefined: {reason}", nameof(labels));
        var design = ClusterDesign.From(labels, clusters);
        var a = design.Sums(PlacementValues.Compute(scoresA, labels));
        var b = design.Sums(PlacementValues.Compute(scoresB, labels));
        var varianceA = design.Covariance(a, a);
        var varianceB = design.Covariance(b, b);
        var covariance = design.Covariance(a, b);
        var difference = a.Auc - b.Auc;
        var differenceVariance = Math.Max(0, varianceA + varianceB - 2 * covariance);
        var z = differenceVariance == 0
            ? difference == 0 ? 0 : Math.Sign(difference) * double.PositiveInfinity
            : difference / Math.Sqrt(differenceVariance);
        var half = ProportionIntervals.TwoSidedZ(level) * Math.Sqrt(differenceVariance);
        return new PairedDeLongResult(a.Auc, b.Auc, varianceA, varianceB, covariance, z, 2 * Normal.CDF(0, 1, -Math.Abs(z)),
            new ConfidenceInterval(difference - half, difference + half, level, "obuchowski"));
    }

    /// <summary>Why the clustered variance cannot be computed (fewer than two clusters holding a diseased unit, or a non-diseased one); null when it can.</summary>
    public static string? WhyUndefined(IReadOnlyList<bool> labels, IReadOnlyList<string> clusters)
    {
        if (labels.Count != clusters.Count) throw new ArgumentException($"{labels.Count} labels but {clusters.Count} cluster ids", nameof(clusters));
        var withDiseased = new HashSet<string>(StringComparer.Ordinal);
        var withNonDiseased = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++) (labels[i] ? withDiseased : withNonDiseased).Add(clusters[i]);
        if (withDiseased.Count < 2) return $"{withDiseased.Count} cluster(s) hold a diseased unit; the clustered variance needs at least 2";
        if (withNonDiseased.Count < 2) return $"{withNonDiseased.Count} cluster(s) hold a non-diseased unit; the clustered variance needs at least 2";
        return null;
    }

    private static void CheckLengths(int scores, IReadOnlyList<bool> labels, IReadOnlyList<string> clusters)
    {
        if (scores != labels.Count || clusters.Count != labels.Count)
        {
            throw new ArgumentException($"{scores} scores, {labels.Count} labels and {clusters.Count} cluster ids: one of each per unit is needed", nameof(clusters));
        }
    }

    private static (ConfidenceInterval Plain, ConfidenceInterval? Logit) Intervals(double auc, double variance, double level)
    {
        var z = ProportionIntervals.TwoSidedZ(level);
        var se = Math.Sqrt(variance);
        var plain = new ConfidenceInterval(Math.Max(0, auc - z * se), Math.Min(1, auc + z * se), level, "obuchowski");
        if (auc <= 0 || auc >= 1) return (plain, null);
        var centre = Math.Log(auc / (1 - auc));
        var half = z * se / (auc * (1 - auc));
        return (plain, new ConfidenceInterval(1 / (1 + Math.Exp(-(centre - half))), 1 / (1 + Math.Exp(-(centre + half))), level, "obuchowski-logit"));
    }
}
