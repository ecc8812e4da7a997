using MathNet.Numerics.Distributions;

namespace CovidCt.Metrics;

/// <summary>
/// Net reclassification and integrated discrimination improvement of a new model over an old one on the same cases
/// (Pencina, D'Agostino, D'Agostino and Vasan 2008, "Evaluating the added predictive ability of a new marker", Stat Med
/// 27:157–172). NRI at one risk threshold: [P(up | event) − P(down | event)] + [P(down | non-event) − P(up | non-event)],
/// where "up" means positive under the new model and negative under the old; z-test with Pencina's variance.
/// IDI: (mean p_new − mean p_old among events) − (the same among non-events), z-test with the standard errors of the
/// paired differences.
/// </summary>
public static class Reclassification
{
    /// <summary>NRI and IDI of <paramref name="newScores"/> over <paramref name="oldScores"/> (probabilities), calling positive at ≥ <paramref name="threshold"/>.</summary>
    /// <exception cref="ArgumentException">Lengths differ, a score is not finite, or there are fewer than two events or two non-events.</exception>
    public static ReclassificationResult Compute(IReadOnlyList<double> oldScores, IReadOnlyList<double> newScores, IReadOnlyList<bool> outcomes, double threshold, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        if (oldScores.Count != outcomes.Count || newScores.Count != outcomes.Count)
        {
            throw new ArgumentException($"{outcomes.Count} outcomes but {oldScores.Count} old and {newScores.Count} new scores", nameof(outcomes));
        }
        if (oldScores.Concat(newScores).Any(s => !double.IsFinite(s))) throw new ArgumentException("every score must be a finite number", nameof(newScores));
        var events = Enumerable.Range(0, outcomes.Count).Where(i => outcomes[i]).ToArray();
        var nonEvents = Enumerable.Range(0, outcomes.Count).Where(i => !outcomes[i]).ToArray();
        if (events.Length < 2 || nonEvents.Length < 2) throw new ArgumentException($"NRI and IDI need at least two events and two non-events; got {events.Length} and {nonEvents.Length}", nameof(outcomes));
        var z = ProportionIntervals.TwoSidedZ(level);

        (double Up, double Down) Moves(int[] cases)
        {
            double up = cases.Count(i => newScores[i] >= threshold && oldScores[i] < threshold);
            double down = cases.Count(i => newScores[i] < threshold && oldScores[i] >= threshold);
            return (up / cases.Length, down / cases.Length);
        }
        var (eventUp, eventDown) = Moves(events);
        var (nonEventUp, nonEventDown) = Moves(nonEvents);
        var nri = eventUp - eventDown + (nonEventDown - nonEventUp);
        var nriVariance = (eventUp + eventDown) / events.Length + (nonEventUp + nonEventDown) / nonEvents.Length;
        var nriSe = Math.Sqrt(nriVariance);

        var eventGain = events.Select(i => newScores[i] - oldScores[i]).ToArray();
        var nonEventGain = nonEvents.Select(i => newScores[i] - oldScores[i]).ToArray();
        var idi = eventGain.Average() - nonEventGain.Average();
        var idiSe = Math.Sqrt(SampleVariance(eventGain) / events.Length + SampleVariance(nonEventGain) / nonEvents.Length);

        return new ReclassificationResult(
            threshold, nri, new ConfidenceInterval(nri - z * nriSe, nri + z * nriSe, level, "pencina"), PValue(nri, nriSe),
            eventUp - eventDown, nonEventDown - nonEventUp,
            idi, new ConfidenceInterval(idi - z * idiSe, idi + z * idiSe, level, "pencina"), PValue(idi, idiSe));
    }

    private static double PValue(double value, double se) => se == 0 ? value == 0 ? 1 : 0 : 2 * Normal.CDF(0, 1, -Math.Abs(value / se));

    private static double SampleVariance(double[] x)
    {
        var mean = x.Average();
        return x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1);
    }
}
