namespace CovidCt.Metrics;

/// <summary>
/// The area under the precision–recall curve as average precision, AP = Σₖ (Rₖ − Rₖ₋₁)·Pₖ over the distinct thresholds from
/// the highest down (recall R, precision P; tied scores form one step), as scikit-learn's <c>average_precision_score</c>.
/// Its chance baseline is the prevalence, not 0.5. The interval is Boyd, Eng and Page's (2013) logit interval
/// expit(logit AP ± z / √(n₊·AP·(1 − AP))), where n₊ is the number of diseased cases; it treats cases as independent.
/// </summary>
public static class PrecisionRecall
{
    /// <summary>
    /// Average precision of <paramref name="scores"/> against <paramref name="labels"/> (true = diseased) with its logit interval at
    /// <paramref name="level"/>. Undefined without diseased cases; without an interval when AP is 1 (the logit is infinite).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, the lists are empty, or a score is not finite.</exception>
    public static AveragePrecisionResult AveragePrecision(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        var sweep = ThresholdSweep.Compute(scores, labels);
        var all = sweep[^1].Counts;
        var baseline = (double)all.Positives / all.Total;
        if (all.Positives == 0) return new AveragePrecisionResult(Estimate.Undefined(double.NaN, 0, "no diseased cases: recall is undefined"), baseline);
        // Numerator Σ ΔTPₖ·Pₖ over the positives' steps, denominator n₊: AP is then the mean precision at each diseased case's step.
        double weighted = 0;
        long previousTruePositives = 0;
        foreach (var point in sweep)
        {
            var c = point.Counts;
            weighted += (c.TruePositives - previousTruePositives) * ((double)c.TruePositives / c.CalledPositive);
            previousTruePositives = c.TruePositives;
        }
        var ap = weighted / all.Positives;
        return new AveragePrecisionResult(Estimate.Defined(weighted, all.Positives, ap, LogitInterval(ap, all.Positives, level)), baseline);
    }

    /// <summary>
    /// The percentile interval of average precision over <paramref name="bootstrap"/>'s resamples (by patient), the same numbers as
    /// <c>bootstrap.Interval</c> on <see cref="AveragePrecision"/> of each resample. The cases are sorted once and each resample
    /// only counts how often each patient was drawn, so a resample costs O(cases) additions, with no sort and no list of cases.
    /// A resample without diseased cases is undefined.
    /// </summary>
    /// <exception cref="ArgumentException">The lists' lengths differ from the bootstrap's cases, or a score is not finite.</exception>
    public static BootstrapResult Bootstrap(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, PatientBootstrap bootstrap)
    {
        var walk = new WeightedRocWalk(labels, scores, bootstrap.PatientOfCase);
        return bootstrap.IntervalOfDraws(draws =>
        {
            var (truePositives, falsePositives) = walk.Cumulative(draws);
            // Σ ΔTP·precision over the blocks holding diseased cases, in the order AveragePrecision adds them.
            double weighted = 0;
            long previous = 0;
            for (var b = 0; b < walk.Blocks; b++)
            {
                var blockPositives = truePositives[b] - previous;
                if (blockPositives > 0) weighted += blockPositives * ((double)truePositives[b] / (truePositives[b] + falsePositives[b]));
                previous = truePositives[b];
            }
            return previous == 0 ? null : weighted / previous;
        });
    }

    private static ConfidenceInterval? LogitInterval(double ap, long diseased, double level)
    {
        if (ap >= 1) return null;
        var logit = Math.Log(ap / (1 - ap));
        var half = ProportionIntervals.TwoSidedZ(level) / Math.Sqrt(diseased * ap * (1 - ap));
        return new ConfidenceInterval(Expit(logit - half), Expit(logit + half), level, "logit");
    }

    private static double Expit(double x) => 1 / (1 + Math.Exp(-x));
}
