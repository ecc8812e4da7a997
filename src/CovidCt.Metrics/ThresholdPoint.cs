namespace CovidCt.Metrics;

/// <summary>The confusion table when every case with score ≥ <see cref="Threshold"/> is called positive.</summary>
/// <param name="Threshold">The threshold; +∞ for the point where nothing is called positive.</param>
/// <param name="Counts">The confusion table at that threshold.</param>
public sealed record ThresholdPoint(double Threshold, ConfusionCounts Counts)
{
    /// <summary>TP / (TP + FN), or null without diseased cases.</summary>
    public double? Sensitivity => Counts.Positives == 0 ? null : (double)Counts.TruePositives / Counts.Positives;

    /// <summary>TN / (TN + FP), or null without non-diseased cases.</summary>
    public double? Specificity => Counts.Negatives == 0 ? null : (double)Counts.TrueNegatives / Counts.Negatives;

    /// <summary>Sensitivity + specificity − 1, or null when either is undefined.</summary>
    public double? YoudenJ => Sensitivity + Specificity - 1;

    /// <summary>Every metric at this threshold, with intervals by <paramref name="method"/>.</summary>
    public DiagnosticMetrics Metrics(ProportionInterval method = ProportionInterval.Wilson, double level = 0.95) =>
        DiagnosticMetrics.Compute(Counts, method, level);
}
