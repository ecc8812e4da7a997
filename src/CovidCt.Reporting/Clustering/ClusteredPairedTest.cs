using CovidCt.Metrics;
using CovidCt.Reporting.Comparisons;

namespace CovidCt.Reporting.Clustering;

/// <summary>
/// Two models' per-image results compared with slices clustered by patient: Obuchowski's clustered paired AUC comparison
/// (1997) and Durkalski et al.'s clustered McNemar test (2003) for sensitivity and specificity, each with the clustered
/// difference in proportions. Shown beside the tests that treat slices as independent.
/// </summary>
/// <param name="Patients">Patients contributing slices with a known truth.</param>
/// <param name="Auc">The clustered paired AUC comparison; null when <paramref name="AucUndefined"/> says why.</param>
/// <param name="AucUndefined">Why the clustered AUC comparison is undefined; null when it is defined.</param>
/// <param name="Decisions">The clustered McNemar tests among diseased slices (sensitivity) and non-diseased slices (specificity).</param>
public sealed record ClusteredPairedTest(int Patients, PairedDeLongResult? Auc, string? AucUndefined, ClusteredPairedComparison Decisions)
{
    /// <summary>The methods in one line.</summary>
    public string Method => $"clustered by patient ({Patients} patients): Obuchowski 1997 for the AUCs, Durkalski et al. 2003 for the decisions";

    /// <summary>Compares models A and B on the same slices (<paramref name="a"/> and <paramref name="b"/>), <paramref name="patientOfImage"/> giving each slice's patient.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static ClusteredPairedTest Of(ComparedCases a, ComparedCases b, IReadOnlyList<string> patientOfImage, double level)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var reason = ClusteredAuc.WhyUndefined(a.Truth, patientOfImage);
        return new ClusteredPairedTest(patientOfImage.Distinct(StringComparer.Ordinal).Count(),
            reason is null ? ClusteredAuc.Paired(a.Scores, b.Scores, a.Truth, patientOfImage, level) : null, reason,
            ClusteredMcNemar.CompareDecisions(a.Decisions, b.Decisions, a.Truth, patientOfImage, level));
    }
}
