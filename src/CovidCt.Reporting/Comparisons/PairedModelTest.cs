using CovidCt.Metrics;
using CovidCt.Reporting.Clustering;

namespace CovidCt.Reporting.Comparisons;

/// <summary>Two models compared on the same cases at one level.</summary>
/// <param name="ModelA">The first model's name.</param>
/// <param name="ModelB">The second model's name.</param>
/// <param name="Level">Patients or images.</param>
/// <param name="Cases">The paired cases (images: only slices with a known truth).</param>
/// <param name="Decisions">McNemar's exact test on the diseased cases (sensitivity) and on the others (specificity) separately.</param>
/// <param name="DeLong">The paired DeLong test of the two AUCs; null when there are fewer than two cases of a class (see <paramref name="DeLongUndefinedReason"/>).</param>
/// <param name="DeLongUndefinedReason">Why <paramref name="DeLong"/> is null; null when it is defined.</param>
public sealed record PairedModelTest(string ModelA, string ModelB, ComparisonLevel Level, long Cases, PairedDecisionComparison Decisions,
    PairedDeLongResult? DeLong, string? DeLongUndefinedReason)
{
    /// <summary>Sensitivity of A minus that of B on the same diseased cases, with Newcombe's paired interval.</summary>
    public required Estimate SensitivityDifference { get; init; }

    /// <summary>Specificity of A minus that of B on the same non-diseased cases, with Newcombe's paired interval.</summary>
    public required Estimate SpecificityDifference { get; init; }

    /// <summary>Per image: the tests with slices clustered by patient; null per patient, and per image when every case holds one image (<see cref="ClusteredImageTable.NotClustered"/>).</summary>
    public ClusteredPairedTest? Clustered { get; init; }

    /// <summary>Net reclassification (of the decisions and of the scores) and integrated discrimination of B over A; per image with the clustered intervals beside Pencina's.</summary>
    public required PairedReclassification Reclassification { get; init; }

    /// <summary>The partial AUCs and their difference with a patient-bootstrap interval; null when no range was asked for.</summary>
    public PairedPartialAuc? PartialAuc { get; init; }
}
