using CovidCt.Metrics;
using CovidCt.Reporting.Comparisons;

namespace CovidCt.Reporting.Conventions;

/// <summary>
/// How net reclassification and integrated discrimination read in plain text, and when they are undefined; shared by
/// <c>covidct metrics compare</c> and <c>covidct compare</c>, so both say the same thing in the same words.
/// </summary>
public static class ReclassificationText
{
    /// <summary>"NRI +0.1000 (95% CI −0.0500 to 0.2500), p 0.1800; diseased +0.1000, non-diseased 0.0000", with the clustered interval when there is one.</summary>
    public static string Nri(NetReclassification nri)
    {
        ArgumentNullException.ThrowIfNull(nri);
        return $"NRI {Signed(nri.Value)} ({Interval(nri.Interval, nri.ClusteredInterval)}), p {TextFormat.Number(nri.PValue, "0.0000")}; "
            + $"diseased {Signed(nri.Diseased)}, non-diseased {Signed(nri.NonDiseased)}";
    }

    /// <summary>"IDI +0.0200 (95% CI …), p 0.0400", or "undefined (reason)" when <paramref name="idi"/> is null.</summary>
    public static string Idi(DiscriminationImprovement? idi, string? undefined) => idi is null
        ? $"undefined ({undefined})"
        : $"IDI {Signed(idi.Value)} ({Interval(idi.Interval, idi.ClusteredInterval)}), p {TextFormat.Number(idi.PValue, "0.0000")}";

    /// <summary>Why neither NRI nor IDI is defined on cases with this truth (fewer than two of a class); null when they are.</summary>
    public static string? WhyUndefined(IReadOnlyList<bool> truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var diseased = truth.Count(t => t);
        return diseased < 2 || truth.Count - diseased < 2
            ? $"needs at least two diseased and two non-diseased cases; got {diseased} and {truth.Count - diseased}"
            : null;
    }

    /// <summary>Why the IDI is undefined for these scores (one outside [0, 1]); null when every score is a probability.</summary>
    public static string? WhyIdiUndefined(IEnumerable<double> scores) => scores.All(s => s is >= 0 and <= 1)
        ? null
        : "the scores are not all probabilities in [0, 1], and the IDI compares mean probabilities";

    private static string Interval(ConfidenceInterval interval, ConfidenceInterval? clustered) =>
        $"{TextFormat.Level(interval.Level)} CI {TextFormat.SignedInterval(interval)}"
        + (clustered is null ? "" : $"; clustered by patient {TextFormat.SignedInterval(clustered)}");

    private static string Signed(double value) => TextFormat.Number(value, "+0.0000;-0.0000;0.0000");
}
