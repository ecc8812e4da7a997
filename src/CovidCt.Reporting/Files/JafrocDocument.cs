using CovidCt.Metrics;

namespace CovidCt.Reporting.Files;

/// <summary>The weighted AFROC figure of merit (JAFROC) of a run's box scores, in metrics.json's <c>lesions.wafroc</c>.</summary>
/// <param name="FigureOfMerit">
/// The figure as an estimate: numerator = Σ ψ × lesion weight over (lesion-free slice, lesion) pairs, denominator =
/// lesion-free slices × slices with lesions; <c>ci</c> is the jackknife interval over patients (method <c>jackknife</c>).
/// </param>
/// <param name="StandardError">The jackknife standard error; null without an interval.</param>
/// <param name="CiUndefined">Why there is no interval, or null.</param>
/// <param name="NormalImages">Slices with a known truth and no lesion (the false-positive side).</param>
/// <param name="DiseasedImages">Slices with at least one lesion.</param>
/// <param name="UnmarkedLesions">Lesions no box hits (rated −∞: they tie with unmarked lesion-free slices and count ½).</param>
/// <param name="Patients">Patients, the jackknife's units.</param>
/// <param name="Caveats">Conditions to know, such as a zero-width interval; empty when none.</param>
public sealed record JafrocDocument(EstimateDocument FigureOfMerit, double? StandardError, string? CiUndefined, int NormalImages, int DiseasedImages, int UnmarkedLesions,
    int Patients, IReadOnlyList<string> Caveats)
{
    /// <summary>The document of <paramref name="result"/>.</summary>
    public static JafrocDocument Of(JafrocResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(EstimateDocument.Of(result.FigureOfMerit), result.StandardError, result.IntervalUndefinedReason, result.NormalCases, result.DiseasedCases,
            result.UnmarkedLesions, result.Clusters, result.Caveats);
    }
}
