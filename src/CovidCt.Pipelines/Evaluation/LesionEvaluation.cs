using System.Globalization;
using CovidCt.Metrics;

namespace CovidCt.Pipelines.Evaluation;

/// <summary>
/// Lesion-level results of a run: per-lesion sensitivity (hit rate) with an interval, false positives per image, the FROC
/// curve of the box scores, its weighted AFROC figure of merit (JAFROC) with a patient jackknife interval, and Dice and IoU of the box-covered area against the truth mask per slice and per patient.
/// </summary>
/// <remarks>
/// The lesion sensitivity's interval treats lesions as independent (lesions of one slice or patient are not), so it is
/// narrower than a clustered one would be. Dice and IoU measure the area the red boxes cover, since the study's output is
/// boxes, not a segmentation: a box around an irregular lesion covers background too, so even a perfect detection scores
/// below 1. Empty-mask conventions: no truth and no box is 1; one empty and the other not is 0; every slice counts.
/// </remarks>
public sealed class LesionEvaluation
{
    private LesionEvaluation(LesionHitCriterion criterion, IReadOnlyList<LesionRecord> lesions, IReadOnlyList<SliceLesionRecord> slices, int slicesWithoutTruth,
        ProportionInterval method, double level)
    {
        Criterion = criterion;
        Lesions = lesions;
        Slices = slices;
        SlicesWithoutTruth = slicesWithoutTruth;
        var hits = lesions.Count(l => l.IsHit);
        Sensitivity = Estimate.Ratio(hits, lesions.Count, "no true lesions (no slice with a known truth has lesion pixels)",
            ProportionIntervals.Compute(hits, lesions.Count, method, level));
        var falsePositives = slices.Sum(s => (long)s.FalsePositiveBoxes);
        FalsePositivesPerImage = Estimate.Ratio(falsePositives, slices.Count, "no slices with a known truth");
        Froc = lesions.Count == 0 || slices.Count == 0 ? null : FrocCurve.FromMarks(
            lesions.Select(l => l.Score).ToArray(), slices.SelectMany(s => s.FalsePositiveScores).ToArray(), slices.Count);
        Patients = slices.GroupBy(s => s.PatientId, StringComparer.Ordinal)
            .Select(g => new PatientOverlap(g.Key, g.Aggregate(default(AreaOverlap), (sum, s) => sum + s.Overlap))).ToArray();
        FreeResponseCases = FreeResponse(lesions, slices);
        WeightedAfroc = Jafroc.Compute(FreeResponseCases, JafrocFigure.WeightedAfroc, level);
    }

    /// <summary>When a box hits a lesion.</summary>
    public LesionHitCriterion Criterion { get; }

    /// <summary>Every true lesion, slice by slice in input order.</summary>
    public IReadOnlyList<LesionRecord> Lesions { get; }

    /// <summary>Every slice with a known truth.</summary>
    public IReadOnlyList<SliceLesionRecord> Slices { get; }

    /// <summary>Slices without a lesion truth (COVID-19 patients without masks), reported and left out.</summary>
    public int SlicesWithoutTruth { get; }

    /// <summary>Lesions hit / lesions, with its interval (lesions taken as independent); undefined without lesions.</summary>
    public Estimate Sensitivity { get; }

    /// <summary>Boxes that hit no lesion / slices with a known truth; undefined without slices.</summary>
    public Estimate FalsePositivesPerImage { get; }

    /// <summary>The FROC of the box scores, or null without lesions or slices.</summary>
    public FrocCurve? Froc { get; }

    /// <summary>
    /// Every slice with a known truth as a free-response case (id <c>patient/slice</c>, clustered by patient): its lesions
    /// rated by their best hitting box (unmarked: none), and the scores of its boxes that hit no lesion. The input of
    /// <see cref="Jafroc"/>; two runs on the same cohort are compared with <see cref="Jafroc.Compare"/> on these.
    /// </summary>
    public IReadOnlyList<FreeResponseCase> FreeResponseCases { get; }

    /// <summary>
    /// The weighted AFROC figure of merit (JAFROC's recommendation) of the box scores, with its jackknife interval over
    /// patients: how often a lesion's best box outscores the highest box on a lesion-free slice, each lesion slice counting once.
    /// </summary>
    public JafrocResult WeightedAfroc { get; }

    /// <summary>Per patient: the overlap pooled over its slices (a patient's Dice is that of its volume, not a mean of slices).</summary>
    public IReadOnlyList<PatientOverlap> Patients { get; }

    /// <summary>Mean per-slice Dice, or null without slices.</summary>
    public double? MeanSliceDice => Slices.Count == 0 ? null : Slices.Average(s => s.Overlap.Dice);

    /// <summary>Mean per-slice IoU, or null without slices.</summary>
    public double? MeanSliceIou => Slices.Count == 0 ? null : Slices.Average(s => s.Overlap.Iou);

    /// <summary>Mean per-patient Dice, or null without patients.</summary>
    public double? MeanPatientDice => Patients.Count == 0 ? null : Patients.Average(p => p.Overlap.Dice);

    /// <summary>Mean per-patient IoU, or null without patients.</summary>
    public double? MeanPatientIou => Patients.Count == 0 ? null : Patients.Average(p => p.Overlap.Iou);

    private static FreeResponseCase[] FreeResponse(IReadOnlyList<LesionRecord> lesions, IReadOnlyList<SliceLesionRecord> slices)
    {
        var bySlice = lesions.ToLookup(l => (l.PatientId, l.SliceIndex));
        return [.. slices.Select(s => new FreeResponseCase(string.Create(CultureInfo.InvariantCulture, $"{s.PatientId}/{s.SliceIndex}"), s.PatientId,
            bySlice[(s.PatientId, s.SliceIndex)].Select(l => new FreeResponseLesion(l.Score)).ToArray(), s.FalsePositiveScores))];
    }

    internal static LesionEvaluation Compute(LesionHitCriterion criterion, IReadOnlyList<LesionRecord> lesions, IReadOnlyList<SliceLesionRecord> slices, int slicesWithoutTruth,
        ProportionInterval method, double level) => new(criterion, lesions, slices, slicesWithoutTruth, method, level);
}

/// <summary>One patient's truth against its box-covered area, pooled over its slices.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Overlap">The pooled areas; <see cref="AreaOverlap.Dice"/> and <see cref="AreaOverlap.Iou"/> follow.</param>
public sealed record PatientOverlap(string PatientId, AreaOverlap Overlap);
