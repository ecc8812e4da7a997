namespace CovidCt.Metrics;

/// <summary>One bin of a <see cref="ReliabilityCurve"/>.</summary>
/// <param name="Lower">Lower edge (inclusive).</param>
/// <param name="Upper">Upper edge (exclusive, except 1 for the last bin).</param>
/// <param name="Cases">Predictions in the bin.</param>
/// <param name="MeanPredicted">Their mean probability; null when the bin is empty.</param>
/// <param name="Observed">Events / cases with a Wilson interval; undefined when the bin is empty.</param>
public sealed record ReliabilityBin(double Lower, double Upper, long Cases, double? MeanPredicted, Estimate Observed);
