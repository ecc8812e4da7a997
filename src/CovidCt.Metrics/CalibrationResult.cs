namespace CovidCt.Metrics;

/// <summary>Calibration of predicted probabilities (see <see cref="Calibration"/>).</summary>
/// <param name="Cases">Cases.</param>
/// <param name="Brier">Mean squared difference between probability and outcome (0 is perfect).</param>
/// <param name="ReferenceBrier">The Brier score of predicting the prevalence for everyone, π(1 − π): a model should beat it.</param>
/// <param name="Intercept">
/// Calibration-in-the-large, with its Wald interval; 0 is ideal, negative means probabilities too high. Undefined when
/// every outcome is the same, or when a probability is exactly 0 or 1 and no quantisation step was given.
/// </param>
/// <param name="Slope">
/// Calibration slope, with its Wald interval; 1 is ideal, below 1 means predictions too extreme. Undefined as the intercept.
/// </param>
/// <param name="ExactZeroOrOne">Probabilities of exactly 0 or exactly 1 (their logit is infinite).</param>
/// <param name="QuantisationStep">The grid step the probabilities were declared rounded to, or null.</param>
/// <param name="Caveat">How many probabilities the intercept and slope read at the edge of their rounding bin, and at what value; null when none were.</param>
public sealed record CalibrationResult(int Cases, double Brier, double ReferenceBrier, Estimate Intercept, Estimate Slope,
    int ExactZeroOrOne, double? QuantisationStep, string? Caveat);
