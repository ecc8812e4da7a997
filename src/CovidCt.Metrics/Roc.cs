namespace CovidCt.Metrics;

/// <summary>Builds ROC curves from scores, where a higher score means "more likely diseased".</summary>
public static class Roc
{
    /// <summary>
    /// The ROC curve of <paramref name="scores"/> against <paramref name="labels"/> (true = diseased). The truth comes first,
    /// as in scikit-learn's <c>roc_curve(y_true, y_score)</c> and pROC's <c>roc(response, predictor)</c>; name both arguments
    /// at the call site. Tied scores form one step. The AUC is the Mann–Whitney statistic (ties count 1/2), with the DeLong
    /// plain interval at <paramref name="level"/>; it is undefined when either class is absent (the curve then has no
    /// points), and has no interval with fewer than two cases of either class.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, the lists are empty, or a score is not finite.</exception>
    public static RocCurve FromScores(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        var sweep = ThresholdSweep.Compute(scores, labels);
        var all = sweep[^1].Counts;
        long m = all.Positives, n = all.Negatives;
        if (m == 0 || n == 0)
        {
            var reason = m == 0 ? "no diseased cases" : "no non-diseased cases";
            return new RocCurve([], m, n, Estimate.Undefined(double.NaN, m * n, reason), null);
        }
        List<RocPoint> points = [new RocPoint(double.PositiveInfinity, new ConfusionCounts(0, 0, n, m)), .. sweep.Select(p => new RocPoint(p.Threshold, p.Counts))];
        var placements = PlacementValues.Compute(scores, labels);
        var delong = DeLong.HasEnoughCases(labels) ? DeLong.FromPlacements(placements, level) : null;
        var auc = Estimate.Defined(placements.MannWhitneyU, (double)m * n, placements.Auc, delong?.PlainInterval);
        return new RocCurve(points, m, n, auc, delong);
    }
}
