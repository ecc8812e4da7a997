namespace CovidCt.Metrics;

/// <summary>
/// Decision-curve analysis (Vickers and Elkin 2006, "Decision curve analysis: a novel method for evaluating prediction
/// models", Med Decis Making 26:565–574): at a threshold probability pₜ, treating the cases with predicted probability
/// ≥ pₜ has net benefit TP/n − FP/n · pₜ/(1 − pₜ), against treat-all π − (1 − π)·pₜ/(1 − pₜ) and treat-none 0.
/// </summary>
public static class DecisionCurve
{
    /// <summary>The thresholds a curve is read at unless the caller names others: 0.05 to 0.95 in steps of 0.05.</summary>
    public static IReadOnlyList<double> DefaultThresholds { get; } = Enumerable.Range(1, 19).Select(i => i / 20.0).ToArray();

    /// <summary>Net benefit at each of <paramref name="thresholds"/>.</summary>
    /// <exception cref="ArgumentException">Lengths differ, there are no cases, or a threshold is not in (0, 1).</exception>
    public static IReadOnlyList<NetBenefitPoint> Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes, IReadOnlyList<double> thresholds)
    {
        if (probabilities.Count != outcomes.Count) throw new ArgumentException($"{probabilities.Count} probabilities but {outcomes.Count} outcomes", nameof(outcomes));
        if (probabilities.Count == 0) throw new ArgumentException("no cases", nameof(probabilities));
        var n = (double)probabilities.Count;
        var prevalence = outcomes.Count(o => o) / n;
        return thresholds.Select(t =>
        {
            if (!(t > 0 && t < 1)) throw new ArgumentException($"threshold probability {t} is not in (0, 1)", nameof(thresholds));
            var counts = ConfusionCounts.FromDecisions(outcomes, probabilities.Select(p => p >= t).ToArray());
            var odds = t / (1 - t);
            return new NetBenefitPoint(t, counts, counts.TruePositives / n - counts.FalsePositives / n * odds, prevalence - (1 - prevalence) * odds);
        }).ToArray();
    }
}
