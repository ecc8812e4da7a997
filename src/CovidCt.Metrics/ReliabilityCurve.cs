namespace CovidCt.Metrics;

/// <summary>
/// The reliability (calibration) curve: predicted probabilities grouped in equal-width bins over [0, 1], each bin's
/// mean prediction against its observed event rate with a Wilson interval. An empty bin is kept, with its observed
/// rate undefined, so the bins always tile [0, 1].
/// </summary>
public static class ReliabilityCurve
{
    /// <summary>The curve with <paramref name="bins"/> equal-width bins; a probability of exactly 1 falls in the last bin.</summary>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 1 bin, or a probability outside [0, 1] (the message names the case).</exception>
    public static IReadOnlyList<ReliabilityBin> Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes, int bins = 10, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        if (probabilities.Count != outcomes.Count) throw new ArgumentException($"{probabilities.Count} probabilities but {outcomes.Count} outcomes", nameof(outcomes));
        if (bins < 1) throw new ArgumentException($"need at least one bin, got {bins}", nameof(bins));
        var count = new long[bins];
        var events = new long[bins];
        var sum = new double[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = probabilities[i];
            if (!(p >= 0 && p <= 1)) throw new ArgumentException($"case {i + 1}: probability {p} is outside [0, 1]", nameof(probabilities));
            var bin = Math.Min(bins - 1, (int)(p * bins));
            count[bin]++;
            sum[bin] += p;
            if (outcomes[i]) events[bin]++;
        }
        return Enumerable.Range(0, bins).Select(b => new ReliabilityBin(
            (double)b / bins, (double)(b + 1) / bins, count[b],
            count[b] == 0 ? null : sum[b] / count[b],
            Estimate.Ratio(events[b], count[b], "no predictions in this bin", ProportionIntervals.Compute(events[b], count[b], ProportionInterval.Wilson, level)))).ToArray();
    }
}
