namespace CovidCt.Metrics;

/// <summary>The FROC sensitivity read at one false-positive rate.</summary>
/// <param name="FalsePositivesPerImage">The rate asked for.</param>
/// <param name="Sensitivity">The highest sensitivity among the curve's points with at most that rate.</param>
/// <param name="BeyondCurve">
/// True when the rate lies past the curve's last point: marks exist only down to the detector's own threshold, so the curve
/// stops there and the value is the last point's, a lower bound of what a lower threshold would give.
/// </param>
public sealed record FrocSensitivity(double FalsePositivesPerImage, double Sensitivity, bool BeyondCurve);
