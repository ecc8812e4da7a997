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
    /// The raw and McClish-standardised areas straight from scores, without a <see cref="RocCurve"/> (no placement values,
    /// no DeLong interval): the same numbers as <see cref="Compute"/> to the last bit (<see cref="FromCumulative"/>).
    /// Both are null when a class is absent.
    /// </summary>
    internal static (double? Area, double? McClish) FromScores(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double minimumSpecificity)
    {
        CheckRange(minimumSpecificity);
        var sweep = ThresholdSweep.Compute(scores, labels);
        var truePositives = sweep.Select(p => p.Counts.TruePositives).ToArray();
        var falsePositives = sweep.Select(p => p.Counts.FalsePositives).ToArray();
        return FromCumulative(truePositives, falsePositives, sweep.Count, minimumSpecificity);
    }

    /// <summary>
    /// The areas from the cumulative true and false positives after each block of tied scores, from the highest score down
    /// (a <see cref="ThresholdSweep"/>, or a bootstrap resample's <see cref="WeightedRocWalk"/>, which needs no sort). The
    /// points run from (0, 0) up both axes in the order <see cref="Compute"/> sorts into, each computed with
    /// <see cref="RocPoint"/>'s arithmetic, so the areas are the same to the last bit. A block that adds no case repeats
    /// the previous point and adds a trapezoid of width exactly 0. Both are null when a class is absent.
    /// </summary>
    internal static (double? Area, double? McClish) FromCumulative(long[] truePositives, long[] falsePositives, int blocks, double minimumSpecificity)
    {
        long positives = truePositives[blocks - 1], negatives = falsePositives[blocks - 1];
        if (positives == 0 || negatives == 0) return (null, null);
        var points = new (double Fpr, double Tpr)[blocks + 1];
        // The "nothing positive" point, as RocPoint computes it: 1 − n/n and 0/m.
        points[0] = (1 - (double)negatives / negatives, 0.0 / positives);
        for (var b = 0; b < blocks; b++)
        {
            points[b + 1] = (1 - (double)(negatives - falsePositives[b]) / negatives, (double)truePositives[b] / positives);
        }
        var limit = 1 - minimumSpecificity;
        var area = Area(points, limit);
        return (area, McClish(area, limit));
    }

    internal static void CheckRange(double minimumSpecificity)
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
