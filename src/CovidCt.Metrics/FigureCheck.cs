namespace CovidCt.Metrics;

/// <summary>One published percentage checked against candidate counts.</summary>
/// <param name="Name">sensitivity, specificity, accuracy, ppv or npv.</param>
/// <param name="Published">The published percentage.</param>
/// <param name="Recomputed">100 × numerator / denominator of the candidate counts; NaN when the denominator is 0.</param>
/// <param name="Deviation">|recomputed − published| in percentage points; +∞ when the denominator is 0.</param>
/// <param name="Matches">True when the recomputed value, rounded by the published rule, prints as the published figure.</param>
public sealed record FigureCheck(string Name, decimal Published, double Recomputed, double Deviation, bool Matches);
