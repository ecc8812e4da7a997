using CovidCt.Metrics;
using CovidCt.Reporting.Comparisons;

namespace CovidCt.Reporting.Files;

/// <summary>
/// <c>compare --json</c>'s <c>lesions</c> of a pair (<see cref="PairedLesionTest"/>): the paired wAFROC comparison, or why there is none.
/// </summary>
/// <param name="WafrocDifference">A − B of the weighted AFROC figures of merit; null when <paramref name="Omitted"/> says why.</param>
/// <param name="Omitted">Why the pair has no lesion-level comparison (no truth mask marks a lesion, or a run without lesion results); null when it has one.</param>
public sealed record PairLesionsDocument(JafrocDifferenceDocument? WafrocDifference, string? Omitted)
{
    /// <summary>The document of <paramref name="test"/>.</summary>
    public static PairLesionsDocument Of(PairedLesionTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return new(test.WeightedAfroc is { } c ? JafrocDifferenceDocument.Of(c) : null, test.Absent);
    }
}

/// <summary>
/// A paired JAFROC comparison, named as <c>metrics jafroc</c>'s <c>comparison.wafroc</c>: both figures, A − B, its jackknife standard
/// error, t on clusters − 1 degrees of freedom and p; the numbers null, with <see cref="Undefined"/> saying why, when it cannot be made.
/// </summary>
/// <param name="A">Model A's figure of merit; null when undefined.</param>
/// <param name="B">Model B's figure of merit; null when undefined.</param>
/// <param name="Difference">A − B.</param>
/// <param name="StandardError">The paired jackknife's standard error of the difference.</param>
/// <param name="DegreesOfFreedom">Patients − 1.</param>
/// <param name="T">Difference / standard error; null when infinite (zero standard error: see the caveats) or undefined.</param>
/// <param name="PValue">Two-sided p of the t test.</param>
/// <param name="DifferenceCi">Difference ± t quantile × standard error (method <c>jackknife</c>).</param>
/// <param name="Undefined">Why the comparison cannot be made; null when it can.</param>
/// <param name="Caveats">Conditions to know, such as a zero jackknife variance; empty when none.</param>
public sealed record JafrocDifferenceDocument(double? A, double? B, double? Difference, double? StandardError, double DegreesOfFreedom, double? T, double? PValue,
    IntervalDocument? DifferenceCi, string? Undefined, IReadOnlyList<string> Caveats)
{
    /// <summary>The document of <paramref name="comparison"/>.</summary>
    public static JafrocDifferenceDocument Of(JafrocComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var c = comparison;
        return new(c.A.FigureOfMerit.Value, c.B.FigureOfMerit.Value, c.Difference, c.StandardError, c.DegreesOfFreedom, c.T, c.PValue,
            IntervalDocument.Of(c.DifferenceInterval), c.UndefinedReason, c.Caveats);
    }
}
