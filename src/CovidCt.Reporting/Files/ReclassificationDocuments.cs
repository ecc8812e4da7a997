using System.Text.Json.Serialization;
using CovidCt.Metrics;
using CovidCt.Reporting.Comparisons;

namespace CovidCt.Reporting.Files;

/// <summary>
/// The one JSON document of a reclassification, B over A (<see cref="PairedReclassification"/>): <c>compare --json</c>'s
/// <c>reclassification</c> of a pair at one level, and <c>metrics compare --json</c>'s (with its <see cref="Threshold"/>).
/// Each number is null, with <see cref="Undefined"/> saying why, when a class has fewer than two cases.
/// </summary>
/// <param name="Nri">The NRI of the two models' decisions.</param>
/// <param name="NriContinuous">The continuous (category-free) NRI of the scores.</param>
/// <param name="Idi">The IDI.</param>
/// <param name="Undefined">Why nothing is defined; null when defined.</param>
public sealed record ReclassificationDocument(NriDocument? Nri, NriDocument? NriContinuous, IdiDocument? Idi, string? Undefined)
{
    /// <summary>
    /// <c>metrics compare</c>: the threshold both detectors' decisions were made at (score ≥ it), first in the object; absent in
    /// <c>compare</c>, where each model decides at its own operating point (stated per model).
    /// </summary>
    [JsonPropertyOrder(-1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Threshold { get; init; }

    /// <summary>Why the numbers look more certain than they are (<see cref="ReclassificationCaveats"/>); empty when nothing needs saying.</summary>
    public IReadOnlyList<string> Caveats { get; init; } = [];

    /// <summary>The document of <paramref name="reclassification"/>.</summary>
    public static ReclassificationDocument Of(PairedReclassification reclassification)
    {
        ArgumentNullException.ThrowIfNull(reclassification);
        var r = reclassification;
        return new(NriDocument.Of(r.Categorical), NriDocument.Of(r.Continuous),
            r.Undefined is null ? IdiDocument.Of(r.Idi, r.IdiUndefined) : null, r.Undefined)
        {
            Caveats = r.Caveats,
        };
    }
}

/// <summary>A net reclassification index, B over A.</summary>
/// <param name="Value">The NRI (−2 to 2; positive favours B).</param>
/// <param name="Ci">Pencina's interval (cases taken as independent).</param>
/// <param name="PValue">Two-sided p of Pencina's z-test.</param>
/// <param name="Diseased">P(up | diseased) − P(down | diseased).</param>
/// <param name="NonDiseased">P(down | non-diseased) − P(up | non-diseased).</param>
/// <param name="CiClustered">Per image with slices clustered by patient: the patient-bootstrap percentile interval; null otherwise.</param>
public sealed record NriDocument(double Value, IntervalDocument Ci, double PValue, double Diseased, double NonDiseased, IntervalDocument? CiClustered)
{
    /// <summary>The document of <paramref name="nri"/>; null for null.</summary>
    public static NriDocument? Of(NetReclassification? nri) => nri is null ? null
        : new(nri.Value, IntervalDocument.Of(nri.Interval)!, nri.PValue, nri.Diseased, nri.NonDiseased, IntervalDocument.Of(nri.ClusteredInterval));
}

/// <summary>An integrated discrimination improvement, B over A; every number null, with <see cref="Undefined"/> saying why, when undefined.</summary>
/// <param name="Value">The IDI (positive favours B).</param>
/// <param name="Ci">The z interval (cases taken as independent).</param>
/// <param name="PValue">Two-sided p of the z-test.</param>
/// <param name="CiClustered">Per image with slices clustered by patient: the patient-bootstrap percentile interval; null otherwise.</param>
/// <param name="Undefined">Why there is no IDI; null when there is one.</param>
public sealed record IdiDocument(double? Value, IntervalDocument? Ci, double? PValue, IntervalDocument? CiClustered, string? Undefined)
{
    /// <summary>The document of <paramref name="idi"/>, or of its absence for <paramref name="undefined"/>.</summary>
    public static IdiDocument Of(DiscriminationImprovement? idi, string? undefined) => idi is null
        ? new(null, null, null, null, undefined)
        : new(idi.Value, IntervalDocument.Of(idi.Interval), idi.PValue, IntervalDocument.Of(idi.ClusteredInterval), null);
}

/// <summary>
/// <c>compare --partial-auc S --json</c>'s <c>partial_auc</c> of a pair at one level (<see cref="PairedPartialAuc"/>): each model's
/// partial AUC, named as <c>metrics scores</c>' <c>partial_auc</c>, and the difference A − B with its patient-bootstrap interval.
/// </summary>
/// <param name="MinSpecificity">The range is specificity in [MinSpecificity, 1].</param>
/// <param name="A">Model A's partial AUC.</param>
/// <param name="B">Model B's partial AUC.</param>
/// <param name="Difference">A − B of the raw areas; null when either is undefined.</param>
/// <param name="McclishDifference">A − B of the McClish standardised values; null when either is undefined.</param>
/// <param name="Ci">The patient-bootstrap percentile interval of <paramref name="Difference"/>; null when no resample defined it.</param>
/// <param name="Resamples">Bootstrap resamples drawn.</param>
/// <param name="UndefinedResamples">Resamples without a case of either class, left out of the interval.</param>
/// <param name="Seed">The bootstrap's seed.</param>
public sealed record PartialAucDifferenceDocument(double MinSpecificity, PartialAucDocument A, PartialAucDocument B, double? Difference, double? McclishDifference,
    IntervalDocument? Ci, int Resamples, int UndefinedResamples, int Seed)
{
    /// <summary>The document of <paramref name="partialAuc"/>; null for null.</summary>
    public static PartialAucDifferenceDocument? Of(PairedPartialAuc? partialAuc) => partialAuc is null ? null
        : new(partialAuc.MinimumSpecificity, PartialAucDocument.Of(partialAuc.A), PartialAucDocument.Of(partialAuc.B), partialAuc.Difference.Value,
            partialAuc.McClishDifference, IntervalDocument.Of(partialAuc.Difference.Interval), partialAuc.Difference.Resamples,
            partialAuc.Difference.UndefinedResamples, partialAuc.Difference.Seed);
}

/// <summary>One model's partial AUC; the numbers null, with <see cref="Undefined"/> saying why, when a class is missing.</summary>
/// <param name="Area">The raw partial area.</param>
/// <param name="MaxArea">The largest possible area (the range's width).</param>
/// <param name="Mcclish">The McClish standardised value (0.5 chance, 1 perfect).</param>
/// <param name="Undefined">Why there is no area; null when there is one.</param>
public sealed record PartialAucDocument(double? Area, double MaxArea, double? Mcclish, string? Undefined)
{
    /// <summary>The document of <paramref name="result"/>.</summary>
    public static PartialAucDocument Of(PartialAucResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Area.Value, 1 - result.MinimumSpecificity, result.McClish, result.Area.UndefinedReason);
    }
}
