namespace CovidCt.Metrics;

/// <summary>
/// An empirical ROC curve: one point per distinct threshold, from "nothing positive" (threshold +∞)
/// to "everything positive", with the AUC and its DeLong variance.
/// </summary>
public sealed class RocCurve
{
    internal RocCurve(IReadOnlyList<ThresholdPoint> points, Estimate auc, DeLongResult? deLong)
    {
        Points = points;
        Auc = auc;
        DeLong = deLong;
    }

    /// <summary>The curve's points from the highest threshold (+∞, nothing positive) to the lowest (everything positive).</summary>
    public IReadOnlyList<ThresholdPoint> Points { get; }

    /// <summary>The AUC: numerator the Mann–Whitney U (ties 1/2), denominator diseased × non-diseased; interval the DeLong plain interval.</summary>
    public Estimate Auc { get; }

    /// <summary>DeLong variance and both intervals; null with fewer than two cases of either class.</summary>
    public DeLongResult? DeLong { get; }

    /// <summary>The point maximising Youden's J (the highest threshold among ties); null when sensitivity or specificity is undefined.</summary>
    public ThresholdPoint? YoudenOptimal() => Best(_ => true, p => p.YoudenJ);

    /// <summary>The point with the highest specificity among those with sensitivity ≥ <paramref name="minimumSensitivity"/>; null when none qualifies.</summary>
    public ThresholdPoint? BestSpecificityAtSensitivity(double minimumSensitivity) =>
        Best(p => p.Sensitivity >= minimumSensitivity, p => p.Specificity);

    /// <summary>The point with the highest sensitivity among those with specificity ≥ <paramref name="minimumSpecificity"/>; null when none qualifies.</summary>
    public ThresholdPoint? BestSensitivityAtSpecificity(double minimumSpecificity) =>
        Best(p => p.Specificity >= minimumSpecificity, p => p.Sensitivity);

    // Points run from the highest threshold down, and only a strictly better value replaces the best,
    // so among ties the highest threshold (the most conservative call) wins.
    private ThresholdPoint? Best(Func<ThresholdPoint, bool> admissible, Func<ThresholdPoint, double?> objective)
    {
        ThresholdPoint? best = null;
        double bestValue = double.NegativeInfinity;
        foreach (var point in Points)
        {
            if (!admissible(point) || objective(point) is not { } value) continue;
            if (best is null || value > bestValue) (best, bestValue) = (point, value);
        }
        return best;
    }
}
