namespace CovidCt.Metrics;

/// <summary>
/// One point of a <see cref="RocCurve"/>: the confusion table when every case with score ≥ <see cref="Threshold"/> is called
/// positive. A curve has points only when both classes are present, so sensitivity and specificity are always defined here.
/// </summary>
/// <param name="Threshold">The threshold; +∞ for the point where nothing is called positive.</param>
/// <param name="Counts">The confusion table at that threshold (at least one diseased and one non-diseased case).</param>
public sealed record RocPoint(double Threshold, ConfusionCounts Counts)
{
    /// <summary>TP / (TP + FN).</summary>
    public double Sensitivity => (double)Counts.TruePositives / Counts.Positives;

    /// <summary>TN / (TN + FP).</summary>
    public double Specificity => (double)Counts.TrueNegatives / Counts.Negatives;

    /// <summary>1 − specificity, the curve's x coordinate.</summary>
    public double FalsePositiveRate => 1 - Specificity;

    /// <summary>Sensitivity + specificity − 1.</summary>
    public double YoudenJ => Sensitivity + Specificity - 1;

    /// <summary>Every metric at this threshold, with intervals by <paramref name="method"/>.</summary>
    public DiagnosticMetrics Metrics(ProportionInterval method = ProportionInterval.Wilson, double level = 0.95) =>
        DiagnosticMetrics.Compute(Counts, method, level);
}
