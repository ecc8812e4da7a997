namespace CovidCt.Metrics;

/// <summary>One threshold of a <see cref="DecisionCurve"/>.</summary>
/// <param name="Threshold">The threshold probability pₜ (treat when predicted ≥ pₜ).</param>
/// <param name="Counts">The confusion table at pₜ.</param>
/// <param name="NetBenefit">TP/n − FP/n · pₜ/(1 − pₜ).</param>
/// <param name="TreatAll">Net benefit of treating everyone: π − (1 − π)·pₜ/(1 − pₜ). Treating no one has net benefit 0.</param>
public sealed record NetBenefitPoint(double Threshold, ConfusionCounts Counts, double NetBenefit, double TreatAll);
