using CovidCt.Data.Cohorts;
using CovidCt.Metrics;

namespace CovidCt.Pipelines.Evaluation;

/// <summary>
/// Collects the lesion-level matches of a cohort patient by patient, while the volumes are in memory (pass <see cref="Add"/> as
/// the <c>onPatient</c> callback of <see cref="CohortDetection.Run(CohortManifest, CohortSplit?, CohortReadOptions?, Action{CohortPatient, PatientOutcome}?)"/>),
/// keeping only the records; <see cref="Evaluate"/> then gives the statistics.
/// </summary>
/// <remarks>
/// A slice enters when its truth is known: with a mask, its lesions are the mask's components; without one (a control patient
/// without masks) it is known lesion-free, so each of its boxes is a false positive. Slices of COVID-19 patients without
/// masks have no lesion truth: they are counted in <see cref="SlicesWithoutTruth"/>, never silently dropped.
/// </remarks>
public sealed class LesionTally
{
    private readonly SliceLesionMatcher _matcher = new();
    private readonly List<LesionRecord> _lesions = [];
    private readonly List<SliceLesionRecord> _slices = [];

    /// <summary>Creates a tally with the hit criterion <paramref name="criterion"/> (default: the box overlaps the lesion).</summary>
    public LesionTally(LesionHitCriterion criterion = LesionHitCriterion.Overlap) => Criterion = criterion;

    /// <summary>When a box hits a lesion.</summary>
    public LesionHitCriterion Criterion { get; }

    /// <summary>Slices left out because their lesion truth is unknown.</summary>
    public int SlicesWithoutTruth { get; private set; }

    /// <summary>Matches every slice of <paramref name="patient"/> with a known truth against <paramref name="outcome"/>'s boxes.</summary>
    /// <exception cref="ArgumentException">When the outcome is another patient's, or a slice index lies outside the volume.</exception>
    public void Add(CohortPatient patient, PatientOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(outcome);
        var id = outcome.Result.PatientId;
        if (!string.Equals(patient.Entry.PatientId, id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the outcome is patient '{id}''s but the volume is '{patient.Entry.PatientId}''s", nameof(outcome));
        }
        var g = patient.Volume.Geometry;
        foreach (var slice in outcome.Result.Slices)
        {
            if (slice.Index < 0 || slice.Index >= g.Depth) throw new ArgumentException($"patient '{id}' has no slice {slice.Index}; its volume has {g.Depth}", nameof(outcome));
            if (patient.Mask is null && patient.SliceTruth[slice.Index] != false)
            {
                SlicesWithoutTruth++;
                continue;
            }
            var mask = patient.Mask is null ? ReadOnlySpan<byte>.Empty : patient.Mask.Slice(slice.Index);
            var (lesions, record) = _matcher.Match(id, slice.Index, mask, g.Width, g.Height, slice.Detection.Boxes, Criterion);
            _lesions.AddRange(lesions);
            _slices.Add(record);
        }
    }

    /// <summary>The statistics of every slice added so far; the lesion sensitivity's interval by <paramref name="method"/> at <paramref name="level"/>.</summary>
    public LesionEvaluation Evaluate(ProportionInterval method = ProportionInterval.Wilson, double level = 0.95) =>
        LesionEvaluation.Compute(Criterion, _lesions.ToArray(), _slices.ToArray(), SlicesWithoutTruth, method, level);
}
