using CovidCt.Metrics;

namespace CovidCt.Interactive.Charts;

/// <summary>
/// A ROC curve as two aligned arrays for a line chart: x = 1 − specificity, y = sensitivity, from (0, 0) to (1, 1).
/// </summary>
/// <param name="Name">Legend text, with the AUC when it is defined.</param>
/// <param name="FalsePositiveRate">1 − specificity at each threshold, highest threshold first.</param>
/// <param name="Sensitivity">Sensitivity at the same thresholds.</param>
public sealed record RocSeries(string Name, IReadOnlyList<double> FalsePositiveRate, IReadOnlyList<double> Sensitivity)
{
    /// <summary>
    /// The series of <paramref name="curve"/>, named "<paramref name="label"/> (AUC 0.912)". With one class absent the
    /// curve is undefined: both arrays are empty and the name says "AUC undefined".
    /// </summary>
    public static RocSeries From(RocCurve curve, string label)
    {
        var name = curve.Auc.Value is { } auc ? $"{label} (AUC {auc:0.000})" : $"{label} (AUC undefined)";
        return new RocSeries(name, curve.Points.Select(p => p.FalsePositiveRate).ToArray(), curve.Points.Select(p => p.Sensitivity).ToArray());
    }
}
