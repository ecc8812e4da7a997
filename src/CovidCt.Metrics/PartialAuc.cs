namespace CovidCt.Metrics;

/// <summary>
/// The partial AUC over a high-specificity range [<c>minimumSpecificity</c>, 1] of the empirical ROC curve (trapezoids,
/// the curve interpolated linearly at the range's edge), and its McClish (1989) standardisation
/// ½·(1 + (pAUC − min)/(max − min)), where min is the area under the chance diagonal and max the area of a perfect test
/// over the same range: 0.5 is chance and 1 perfect, whatever the range. As pROC's
/// <c>auc(…, partial.auc = c(1, s), partial.auc.focus = "specificity", partial.auc.correct = TRUE)</c>.
/// </summary>
public static class PartialAuc
{
    /// <summary>The partial AUC of <paramref name="curve"/> for specificity ≥ <paramref name="minimumSpecificity"/>; undefined when the curve lacks a class.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumSpecificity"/> is not in [0, 1).</exception>
    public static PartialAucResult Compute(RocCurve curve, double minimumSpecificity)
    {
        ArgumentNullException.ThrowIfNull(curve);
        CheckRange(minimumSpecificity);
        if (curve.Auc.Value is null) return new PartialAucResult(minimumSpecificity, Estimate.Undefined(double.NaN, double.NaN, curve.Auc.UndefinedReason!), null);
        var points = curve.Points.Select(p => (Fpr: p.FalsePositiveRate, Tpr: p.Sensitivity)).OrderBy(p => p.Fpr).ThenBy(p => p.Tpr).ToArray();
        var limit = 1 - minimumSpecificity;
        var area = Area(points, limit);
        return new PartialAucResult(minimumSpecificity, Estimate.Defined(area, limit, area), McClish(area, limit));
    }

    /// <summary>
    /// The raw and McClish-standardised areas straight from scores, for the bootstraps that compute thousands: one sort and
    /// no <see cref="RocCurve"/> (no placement values, no DeLong interval). The sweep already runs from (0, 0) up both axes
    /// in the order <see cref="Compute"/> sorts into, with the same arithmetic, so the numbers are the same to the last bit.
    /// Both are null when a class is absent.
    /// </summary>
    internal static (double? Area, double? McClish) FromScores(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double minimumSpecificity)
    {
        CheckRange(minimumSpecificity);
        var sweep = ThresholdSweep.Compute(scores, labels);
        var all = sweep[^1].Counts;
        if (all.Positives == 0 || all.Negatives == 0) return (null, null);
        var points = new (double Fpr, double Tpr)[sweep.Count + 1];
        // The "nothing positive" point, as RocPoint computes it: 1 − n/n and 0/m.
        points[0] = (1 - (double)all.Negatives / all.Negatives, 0.0 / all.Positives);
        for (var i = 0; i < sweep.Count; i++)
        {
            var c = sweep[i].Counts;
            points[i + 1] = (1 - (double)c.TrueNegatives / c.Negatives, (double)c.TruePositives / c.Positives);
        }
        var limit = 1 - minimumSpecificity;
        var area = Area(points, limit);
        return (area, McClish(area, limit));
    }

    private static void CheckRange(double minimumSpecificity)
    {
        if (!(minimumSpecificity >= 0 && minimumSpecificity < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumSpecificity), $"the specificity range must start in [0, 1), got {minimumSpecificity}");
        }
    }

    // Trapezoids over points ordered by false-positive rate, the last one cut at the range's edge.
    private static double Area((double Fpr, double Tpr)[] points, double limit)
    {
        double area = 0;
        for (var i = 1; i < points.Length; i++)
        {
            var (x0, y0) = points[i - 1];
            var (x1, y1) = points[i];
            if (x0 >= limit) break;
            if (x1 > limit)
            {
                y1 = y0 + (y1 - y0) * (limit - x0) / (x1 - x0);
                x1 = limit;
            }
            area += (x1 - x0) * (y0 + y1) / 2;
        }
        return area;
    }

    private static double McClish(double area, double limit)
    {
        var chance = limit * limit / 2;
        return 0.5 * (1 + (area - chance) / (limit - chance));
    }
}
