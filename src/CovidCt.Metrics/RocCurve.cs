namespace CovidCt.Metrics;

/// <summary>
/// An empirical ROC curve: one point per distinct threshold, from "nothing positive" (threshold +∞)
/// to "everything positive", with the AUC and its DeLong variance.
/// </summary>
public sealed class RocCurve
{
    internal RocCurve(IReadOnlyList<RocPoint> points, long diseased, long nonDiseased, Estimate auc, DeLongResult? deLong)
    {
        Points = points;
        Diseased = diseased;
        NonDiseased = nonDiseased;
        Auc = auc;
        DeLong = deLong;
    }

    /// <summary>
    /// The curve's points from the highest threshold (+∞, nothing positive) to the lowest (everything positive); empty when a
    /// class is absent (the curve is undefined and <see cref="Auc"/> says why), so every point's rates are defined.
    /// </summary>
    public IReadOnlyList<RocPoint> Points { get; }

    /// <summary>Diseased cases (label true).</summary>
    public long Diseased { get; }

    /// <summary>Non-diseased cases (label false).</summary>
    public long NonDiseased { get; }

    /// <summary>Thresholds between distinct scores: the points less the +∞ one, 0 for an undefined curve.</summary>
    public int DistinctThresholds => Math.Max(0, Points.Count - 1);

    /// <summary>The AUC: numerator the Mann–Whitney U (ties 1/2), denominator diseased × non-diseased; interval the DeLong plain interval.</summary>
    public Estimate Auc { get; }

    /// <summary>DeLong variance and both intervals; null with fewer than two cases of either class.</summary>
    public DeLongResult? DeLong { get; }

    /// <summary>The point maximising Youden's J (the highest threshold among ties); null when the curve is undefined (a class is absent).</summary>
    public RocPoint? YoudenOptimal() => Best(_ => true, p => p.YoudenJ);

    /// <summary>The point with the highest specificity among those with sensitivity ≥ <paramref name="minimumSensitivity"/>; null when none qualifies.</summary>
    public RocPoint? BestSpecificityAtSensitivity(double minimumSensitivity) =>
        Best(p => p.Sensitivity >= minimumSensitivity, p => p.Specificity);

    /// <summary>The point with the highest sensitivity among those with specificity ≥ <paramref name="minimumSpecificity"/>; null when none qualifies.</summary>
    public RocPoint? BestSensitivityAtSpecificity(double minimumSpecificity) =>
        Best(p => p.Specificity >= minimumSpecificity, p => p.Sensitivity);

    // Points run from the highest threshold down, and only a strictly better value replaces the best,
    // so among ties the highest threshold (the most conservative call) wins.
    private RocPoint? Best(Func<RocPoint, bool> admissible, Func<RocPoint, double> objective)
    {
        RocPoint? best = null;
        double bestValue = double.NegativeInfinity;
        foreach (var point in Points)
        {
            if (!admissible(point)) continue;
            var value = objective(point);
            if (best is null || value > bestValue) (best, bestValue) = (point, value);
        }
        return best;
    }
}
