namespace CovidCt.Metrics;

/// <summary>A partial AUC (see <see cref="PartialAuc"/>).</summary>
/// <param name="MinimumSpecificity">The range is specificity in [MinimumSpecificity, 1].</param>
/// <param name="Area">The raw partial area (numerator: the area; denominator: the range's width 1 − MinimumSpecificity, the largest possible area).</param>
/// <param name="McClish">The McClish-standardised value (0.5 chance, 1 perfect); null when the area is undefined.</param>
public sealed record PartialAucResult(double MinimumSpecificity, Estimate Area, double? McClish);
