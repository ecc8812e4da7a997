namespace CovidCt.Metrics;

/// <summary>One rate read at a fixed value of the other (see <see cref="FixedRate"/>).</summary>
/// <param name="Target">The fixed rate that had to be met (specificity for sensitivity-at-specificity, and vice versa).</param>
/// <param name="Point">The chosen ROC point (its threshold and confusion table); null when the curve is undefined.</param>
/// <param name="Rate">The rate read there, as a count proportion with its interval at that threshold; undefined with the reason when there is no point.</param>
public sealed record FixedRateResult(double Target, RocPoint? Point, Estimate Rate);
