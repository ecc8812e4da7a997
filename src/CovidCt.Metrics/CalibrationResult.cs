namespace CovidCt.Metrics;

/// <summary>Calibration of predicted probabilities (see <see cref="Calibration"/>).</summary>
/// <param name="Cases">Cases.</param>
/// <param name="Brier">Mean squared difference between probability and outcome (0 is perfect).</param>
/// <param name="ReferenceBrier">The Brier score of predicting the prevalence for everyone, π(1 − π): a model should beat it.</param>
/// <param name="Intercept">Calibration-in-the-large, with its Wald interval; 0 is ideal, negative means probabilities too high. Undefined when every outcome is the same.</param>
/// <param name="Slope">Calibration slope, with its Wald interval; 1 is ideal, below 1 means predictions too extreme. Undefined when every outcome is the same.</param>
public sealed record CalibrationResult(int Cases, double Brier, double ReferenceBrier, Estimate Intercept, Estimate Slope);
