using MathNet.Numerics.Distributions;

namespace CovidCt.Metrics;

/// <summary>
/// DeLong variance and paired test for AUCs, computed from placement values (Sun and Xu 2014), O(n log n).
/// Needs at least two diseased and two non-diseased cases (the sample variances divide by m − 1 and n − 1).
/// </summary>
public static class DeLong
{
    /// <summary>The DeLong variance and intervals of the AUC of <paramref name="scores"/>; null with fewer than two cases of either class.</summary>
    public static DeLongResult? Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        if (!HasEnoughCases(labels)) return null;
        var placements = PlacementValues.Compute(scores, labels);
        return FromPlacements(placements, level);
    }

    /// <summary>
    /// Paired DeLong test of AUC(A) against AUC(B) on the same cases (higher score = more likely diseased for both).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, a score is not finite, or there are fewer than two cases of either class.</exception>
    public static PairedDeLongResult Paired(IReadOnlyList<double> scoresA, IReadOnlyList<double> scoresB, IReadOnlyList<bool> labels, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        if (scoresA.Count != scoresB.Count) throw new ArgumentException($"{scoresA.Count} scores in A but {scoresB.Count} in B", nameof(scoresB));
        if (!HasEnoughCases(labels)) throw new ArgumentException("the paired DeLong test needs at least two diseased and two non-diseased cases", nameof(labels));
        var a = PlacementValues.Compute(scoresA, labels);
        var b = PlacementValues.Compute(scoresB, labels);
        var varianceA = Covariance(a, a);
        var varianceB = Covariance(b, b);
        var covariance = Covariance(a, b);
        var difference = a.Auc - b.Auc;
        var differenceVariance = Math.Max(0, varianceA + varianceB - 2 * covariance);
        var z = differenceVariance == 0
            ? difference == 0 ? 0 : Math.Sign(difference) * double.PositiveInfinity
            : difference / Math.Sqrt(differenceVariance);
        var p = 2 * Normal.CDF(0, 1, -Math.Abs(z));
        var half = ProportionIntervals.TwoSidedZ(level) * Math.Sqrt(differenceVariance);
        return new PairedDeLongResult(a.Auc, b.Auc, varianceA, varianceB, covariance, z, p,
            new ConfidenceInterval(difference - half, difference + half, level, "delong"));
    }

    /// <summary>True when <paramref name="labels"/> hold at least two diseased and two non-diseased cases, as the DeLong variance needs.</summary>
    public static bool HasEnoughCases(IReadOnlyList<bool> labels)
    {
        var diseased = labels.Count(l => l);
        return diseased >= 2 && labels.Count - diseased >= 2;
    }

    internal static DeLongResult FromPlacements(PlacementValues placements, double level)
    {
        var auc = placements.Auc;
        var variance = Covariance(placements, placements);
        var z = ProportionIntervals.TwoSidedZ(level);
        var se = Math.Sqrt(variance);
        var plain = new ConfidenceInterval(Math.Max(0, auc - z * se), Math.Min(1, auc + z * se), level, "delong");
        ConfidenceInterval? logit = null;
        if (auc > 0 && auc < 1)
        {
            var centre = Math.Log(auc / (1 - auc));
            var half = z * se / (auc * (1 - auc));
            logit = new ConfidenceInterval(Logistic(centre - half), Logistic(centre + half), level, "delong-logit");
        }
        return new DeLongResult(auc, variance, plain, logit);
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    // S10/m + S01/n for the pair (a, b); with a = b it is the variance.
    private static double Covariance(PlacementValues a, PlacementValues b) =>
        SampleCovariance(a.Diseased, a.Auc, b.Diseased, b.Auc) / a.Diseased.Length
        + SampleCovariance(a.NonDiseased, a.Auc, b.NonDiseased, b.Auc) / a.NonDiseased.Length;

    private static double SampleCovariance(double[] x, double meanX, double[] y, double meanY)
    {
        double sum = 0;
        for (var i = 0; i < x.Length; i++) sum += (x[i] - meanX) * (y[i] - meanY);
        return sum / (x.Length - 1);
    }
}
