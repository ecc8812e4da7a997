using System.Globalization;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Comparisons;

/// <summary>
/// When net reclassification and integrated discrimination look more certain than they are, the rule a row's caveat follows:
/// fewer than <see cref="StatisticCaveats.MinimumCasesPerClass"/> cases of a class (Pencina's z intervals are normal approximations
/// to the proportions moved within each class); clustered intervals that resample fewer than that many patients; and any interval
/// of zero width (e.g. nothing moved, so the variance is 0 and the interval carries no information).
/// </summary>
public static class ReclassificationCaveats
{
    /// <summary>
    /// The caveats of <paramref name="reclassification"/> on cases with truth <paramref name="truth"/>, clustered into
    /// <paramref name="patients"/> patients when its clustered intervals were computed (null otherwise); empty when there is nothing
    /// to say or nothing is defined (its reason says why).
    /// </summary>
    public static IReadOnlyList<string> Of(PairedReclassification reclassification, IReadOnlyList<bool> truth, int? patients)
    {
        ArgumentNullException.ThrowIfNull(reclassification);
        ArgumentNullException.ThrowIfNull(truth);
        var r = reclassification;
        if (r.Undefined is not null) return [];
        var c = CultureInfo.InvariantCulture;
        var minimum = StatisticCaveats.MinimumCasesPerClass;
        var caveats = new List<string>();
        var diseased = truth.Count(t => t);
        if (diseased < minimum || truth.Count - diseased < minimum)
        {
            caveats.Add(string.Create(c, $"n below {minimum} per class ({diseased} diseased, {truth.Count - diseased} not): Pencina's z intervals of the NRI and IDI {SmallClasses}"));
        }
        if (patients is { } k && k < minimum)
        {
            caveats.Add(string.Create(c, $"the clustered intervals resample only {k} patients (below {minimum}): a bootstrap over so few clusters is too narrow"));
        }
        foreach (var (name, interval, clustered, why) in Intervals(r))
        {
            if (Width(interval) == 0) caveats.Add($"{name}: zero-width interval: {why}, so the variance is 0 and the interval carries no information");
            else if (Width(clustered) == 0) caveats.Add($"{name}: zero-width clustered interval: every patient resample gives the same value, so it carries no information");
        }
        return caveats;
    }

    private const string SmallClasses = "are normal approximations to the share of each class that moved, which fail this small; read them as rough ranges";

    private static IEnumerable<(string Name, ConfidenceInterval Interval, ConfidenceInterval? Clustered, string Why)> Intervals(PairedReclassification r)
    {
        yield return ("NRI of the decisions", r.Categorical!.Interval, r.Categorical.ClusteredInterval, "no case changed decision between the models (p = 1 says only that)");
        yield return ("continuous NRI", r.Continuous!.Interval, r.Continuous.ClusteredInterval, "no case changed score between the models (p = 1 says only that)");
        if (r.Idi is { } idi) yield return ("IDI", idi.Interval, idi.ClusteredInterval, "within each class every case's score changed by the same amount");
    }

    private static double? Width(ConfidenceInterval? interval) => interval is null ? null : interval.Upper - interval.Lower;
}
