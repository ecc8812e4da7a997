using System.Globalization;
using CovidCt.Metrics;

namespace CovidCt.Reporting.Conventions;

/// <summary>
/// The caveats a degenerate statistic carries wherever a table shows it (notebook formatters, report.html): a zero-width
/// interval, too few cases of a class, or a ROC curve with a single threshold. Such a number is correct but looks precise:
/// "AUC 1.000 (1.000–1.000)" from 6 against 6 patients, or a paired difference of 0.0000 (0.0000 to 0.0000) with p 1.0000.
/// </summary>
public static class StatisticCaveats
{
    /// <summary>Below this many cases of either class, an AUC or a rate is flagged as resting on too few cases.</summary>
    public const int MinimumCasesPerClass = 10;

    /// <summary>The caveats of <paramref name="curve"/>'s AUC and interval; empty when there is nothing to say or the AUC is undefined (its reason says why).</summary>
    public static IReadOnlyList<string> Auc(RocCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var caveats = new List<string>();
        if (curve.Auc.Value is not { } auc) return caveats;
        var c = CultureInfo.InvariantCulture;
        if (curve.DistinctThresholds <= 1)
        {
            caveats.Add("single-threshold ROC: every case has the same score, so the curve is one point and the AUC is 0.5 by construction, not a measured ranking");
        }
        if (curve.Auc.Interval is { } ci && ci.Upper - ci.Lower == 0)
        {
            caveats.Add(string.Create(c, $"zero-width interval: the classes are {(auc is 0 or 1 ? "completely separated" : "ranked without variance")}, so DeLong's variance is 0; the interval does not mean the AUC is known exactly"));
        }
        if (curve.Diseased < MinimumCasesPerClass || curve.NonDiseased < MinimumCasesPerClass)
        {
            caveats.Add(string.Create(c, $"n below {MinimumCasesPerClass} per class ({curve.Diseased} diseased, {curve.NonDiseased} not): the DeLong interval is unreliable; read it as a rough range"));
        }
        return caveats;
    }

    /// <summary>The caveats of a paired DeLong test; empty when there is nothing to say.</summary>
    public static IReadOnlyList<string> PairedDeLong(PairedDeLongResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var interval = result.DifferenceInterval;
        return interval.Upper - interval.Lower == 0
            ? ["zero-width interval: the variance of the difference is 0 (both models rank every pair alike, e.g. both separate the classes completely), so the test carries no information and p = 1 by construction"]
            : [];
    }
}
