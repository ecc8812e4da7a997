namespace CovidCt.Metrics;

/// <summary>
/// A ratio summary (diagnostic odds ratio, likelihood ratio, prevalence-adjusted predictive value) whose log-scale
/// interval needs non-zero cells. When a cell it needs is zero, the estimate and interval come from the table with
/// 0.5 added to every cell (Haldane 1956; Anscombe 1956), and <see cref="Caveat"/> says so: the point estimate then
/// differs from the raw ratio (which is 0 or infinite).
/// </summary>
/// <param name="Estimate">The ratio with its interval (method <c>log</c>, <c>logit</c>, or with the correction <c>log-haldane</c>, <c>logit-haldane</c>).</param>
/// <param name="ZeroCellCorrected">True when 0.5 was added to every cell.</param>
/// <param name="Caveat">Why the result is corrected or undefined, or null.</param>
public sealed record CorrectedRatio(Estimate Estimate, bool ZeroCellCorrected, string? Caveat);
