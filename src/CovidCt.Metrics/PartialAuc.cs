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
        if (!(minimumSpecificity >= 0 && minimumSpecificity < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumSpecificity), $"the specificity range must start in [0, 1), got {minimumSpecificity}");
        }
        if (curve.Auc.Value is null) return new PartialAucResult(minimumSpecificity, Estimate.Undefined(double.NaN, double.NaN, curve.Auc.UndefinedReason!), null);
        var limit = 1 - minimumSpecificity;
        var points = curve.Points.Select(p => (Fpr: p.FalsePositiveRate, Tpr: p.Sensitivity)).OrderBy(p => p.Fpr).ThenBy(p => p.Tpr).ToArray();
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
        var chance = limit * limit / 2;
        var standardised = 0.5 * (1 + (area - chance) / (limit - chance));
        return new PartialAucResult(minimumSpecificity, Estimate.Defined(area, limit, area), standardised);
    }
}
