namespace CovidCt.Metrics;

/// <summary>
/// An agreement coefficient (Cohen's or Fleiss' kappa) with what it was computed from. <see cref="Kappa"/> is undefined,
/// with its reason, when chance agreement is 1 (every rating falls in one category, so kappa is 0/0).
/// </summary>
/// <param name="Kappa">Kappa with its Wald interval (numerator observed − chance agreement, denominator 1 − chance agreement).</param>
/// <param name="ObservedAgreement">Observed agreement: the share of cases (Cohen) or of rater pairs within a case (Fleiss) that agree.</param>
/// <param name="ChanceAgreement">Agreement expected by chance from the marginal category shares.</param>
/// <param name="StandardError">The standard error behind the interval (Fleiss–Cohen–Everitt 1969 for Cohen, the case jackknife for Fleiss), or null.</param>
/// <param name="Cases">Cases rated.</param>
/// <param name="Raters">Ratings per case.</param>
/// <param name="Categories">The categories seen, in ordinal order.</param>
/// <param name="Caveat">Why the interval is missing or degenerate, or null.</param>
public sealed record KappaResult(
    Estimate Kappa, double ObservedAgreement, double ChanceAgreement, double? StandardError,
    int Cases, int Raters, IReadOnlyList<string> Categories, string? Caveat);
