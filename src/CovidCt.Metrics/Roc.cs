namespace CovidCt.Metrics;

/// <summary>Builds ROC curves from scores, where a higher score means "more likely diseased".</summary>
public static class Roc
{
    /// <summary>
    /// The ROC curve of <paramref name="scores"/> against <paramref name="labels"/> (true = diseased).
    /// Tied scores form one step. The AUC is the Mann–Whitney statistic (ties count 1/2), with the DeLong
    /// plain interval at <paramref name="level"/>; it is undefined when either class is absent, and has
    /// no interval with fewer than two cases of either class.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, the lists are empty, or a score is not finite.</exception>
    public static RocCurve FromScores(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        var sweep = ThresholdSweep.Compute(scores, labels);
        var first = sweep[^1].Counts;
        var start = new ThresholdPoint(double.PositiveInfinity, new ConfusionCounts(0, 0, first.Negatives, first.Positives));
        List<ThresholdPoint> points = [start, .. sweep];
        long m = first.Positives, n = first.Negatives;
        if (m == 0 || n == 0)
        {
            var reason = m == 0 ? "no diseased cases" : "no non-diseased cases";
            return new RocCurve(points, Estimate.Undefined(double.NaN, m * n, reason), null);
        }
        var placements = PlacementValues.Compute(scores, labels);
        var delong = DeLong.HasEnoughCases(labels) ? DeLong.FromPlacements(placements, level) : null;
        var auc = Estimate.Defined(placements.MannWhitneyU, (double)m * n, placements.Auc, delong?.PlainInterval);
        return new RocCurve(points, auc, delong);
    }
}
