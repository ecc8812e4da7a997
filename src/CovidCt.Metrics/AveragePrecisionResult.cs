namespace CovidCt.Metrics;

/// <summary>Average precision (PR-AUC) with its chance baseline (see <see cref="PrecisionRecall"/>).</summary>
/// <param name="AveragePrecision">Numerator Σ ΔTPₖ·precisionₖ, denominator the diseased count; interval the logit interval (null when AP is 1).</param>
/// <param name="Baseline">The prevalence, diseased / all cases: the average precision of a test that ranks at random.</param>
public sealed record AveragePrecisionResult(Estimate AveragePrecision, double Baseline);
