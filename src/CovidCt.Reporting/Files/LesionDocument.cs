using CovidCt.Metrics;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Clustering;

namespace CovidCt.Reporting.Files;

/// <summary>
/// The lesion-level part of metrics.json: lesions are 8-connected components of the truth mask on each slice; a box hits a
/// lesion by the stated criterion; Dice and IoU compare the truth with the area the boxes cover.
/// </summary>
/// <param name="HitCriterion"><c>overlap</c> (the box overlaps the lesion; the default) or <c>centre</c> (the box's centre lies on it).</param>
/// <param name="Lesions">True lesions.</param>
/// <param name="Images">Slices with a known truth (the false-positive denominator).</param>
/// <param name="ImagesWithoutTruth">Slices left out for want of a lesion truth (COVID-19 patients without masks).</param>
/// <param name="Sensitivity">Lesions hit / lesions, with Wilson's interval (lesions taken as independent).</param>
/// <param name="SensitivityClustered">The same hit rate with <c>ci_clustered</c>, lesions clustered by patient (Rao–Scott Wilson: the interval to quote), beside <c>ci_naive</c>.</param>
/// <param name="FalsePositivesPerImage">Boxes hitting no lesion / images.</param>
/// <param name="Froc">Sensitivity at 0.125–8 false positives per image, and the curve's points; null without lesions.</param>
/// <param name="Wafroc">The weighted AFROC figure of merit (JAFROC) with its jackknife interval over patients.</param>
/// <param name="Dice">Mean Dice per slice and per patient (empty truth and no box = 1; one empty = 0).</param>
/// <param name="Iou">Mean IoU per slice and per patient, same conventions.</param>
public sealed record LesionDocument(string HitCriterion, long Lesions, long Images, int ImagesWithoutTruth, EstimateDocument Sensitivity,
    ClusteredProportionDocument SensitivityClustered, EstimateDocument FalsePositivesPerImage, FrocDocument? Froc, JafrocDocument Wafroc, OverlapMeansDocument Dice, OverlapMeansDocument Iou)
{
    /// <summary>The document of <paramref name="lesions"/>.</summary>
    public static LesionDocument Of(LesionEvaluation lesions)
    {
        ArgumentNullException.ThrowIfNull(lesions);
        return new(lesions.Criterion == LesionHitCriterion.Overlap ? "overlap" : "centre", lesions.Lesions.Count, lesions.Slices.Count, lesions.SlicesWithoutTruth,
            EstimateDocument.Of(lesions.Sensitivity), ClusteredProportionDocument.Of(LesionHitRate.Clustered(lesions)), EstimateDocument.Of(lesions.FalsePositivesPerImage), FrocDocument.Of(lesions.Froc),
            JafrocDocument.Of(lesions.WeightedAfroc), new(lesions.MeanSliceDice, lesions.MeanPatientDice), new(lesions.MeanSliceIou, lesions.MeanPatientIou));
    }
}

/// <summary>Means of an overlap measure.</summary>
/// <param name="PerSliceMean">Mean over slices with a known truth; null without any.</param>
/// <param name="PerPatientMean">Mean over patients, each pooled over its slices; null without any.</param>
public sealed record OverlapMeansDocument(double? PerSliceMean, double? PerPatientMean);

/// <summary>The FROC of a run.</summary>
/// <param name="AtRates">Sensitivity at each standard false-positive rate; <c>beyond_curve</c> marks rates past the curve's end (the value is then the last point's).</param>
/// <param name="Points">The curve, threshold falling.</param>
public sealed record FrocDocument(IReadOnlyList<FrocSensitivity> AtRates, IReadOnlyList<FrocPoint> Points)
{
    /// <summary>The document of <paramref name="curve"/>; null for null.</summary>
    public static FrocDocument? Of(FrocCurve? curve) => curve is null ? null : new(curve.AtStandardRates(), curve.Points.Where(p => double.IsFinite(p.Threshold)).ToArray());
}
