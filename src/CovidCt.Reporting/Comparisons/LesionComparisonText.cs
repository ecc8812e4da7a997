using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Comparisons;

/// <summary>A pair's lesion-level comparison (<see cref="PairedLesionTest"/>) in words, once for <c>covidct compare</c> and the notebook table.</summary>
public static class LesionComparisonText
{
    /// <summary>What the lesion-level rows compare and how, in one sentence.</summary>
    public const string Heading = "Lesion level: the weighted AFROC figures of merit (JAFROC; each slice with a known truth is a case, clustered by its patient) "
        + "and A − B by the paired jackknife over patients, with a t test on patients − 1 degrees of freedom";

    /// <summary>
    /// "wAFROC A 0.8123, B 0.7011; A − B +0.1112 (95% CI 0.0100 to 0.2124), t(11) = 2.45, p 0.0321"; "undefined (reason)" when the
    /// comparison cannot be made; "not compared: reason" when it is absent.
    /// </summary>
    public static string Describe(PairedLesionTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (test.WeightedAfroc is not { } c) return $"not compared: {test.Absent}";
        var figures = $"wAFROC A {Figure(c.A)}, B {Figure(c.B)}";
        if (c.Difference is not { } d) return $"{figures}; A − B undefined ({c.UndefinedReason})";
        // An infinite t (zero standard error) has its caveat; the number itself says nothing more.
        var t = c.T is { } tv && double.IsFinite(tv) ? TextFormat.Number(tv, "0.00") : "undefined";
        return $"{figures}; A − B {TextFormat.Number(d, "+0.0000;-0.0000;0.0000")} ({TextFormat.Level(c.DifferenceInterval!.Level)} CI {TextFormat.SignedInterval(c.DifferenceInterval)}), "
            + $"t({TextFormat.Number(c.DegreesOfFreedom, "0")}) = {t}, p {TextFormat.Number(c.PValue!.Value, "0.0000")}";
    }

    /// <summary>The comparison's caveats (e.g. a zero jackknife variance); empty when there are none or it is absent.</summary>
    public static IReadOnlyList<string> Caveats(PairedLesionTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return test.WeightedAfroc?.Caveats ?? [];
    }

    private static string Figure(JafrocResult result) => result.FigureOfMerit.Value is { } v ? TextFormat.Number(v, "0.0000") : "undefined";
}
