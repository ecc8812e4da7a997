using CovidCt.Metrics;
using CovidCt.Pipelines.Evaluation;

namespace CovidCt.Reporting.Clustering;

/// <summary>
/// The lesion hit rate with lesions clustered by patient: lesions of one slice, and slices of one patient, share the patient's
/// anatomy, image quality and model behaviour, so they are not independent. The interval is the Rao–Scott Wilson interval of
/// <see cref="ClusteredProportion"/> (the ratio estimator over patients), shown beside the naive Wilson one. Clustering at the
/// patient, the highest level, also covers the correlation of lesions within a slice. In an image-level cohort each image is
/// its own patient, so lesions are clustered by image.
/// </summary>
internal static class LesionHitRate
{
    /// <summary>The hit rate of <paramref name="lesions"/>, clustered by patient, at the level of its naive interval.</summary>
    public static ClusteredProportionResult Clustered(LesionEvaluation lesions) =>
        // Without lesions there is no interval and no level to take: the result is undefined whatever the level.
        ClusteredProportion.Compute(lesions.Lesions.Select(l => l.IsHit).ToArray(), lesions.Lesions.Select(l => l.PatientId).ToArray(),
            lesions.Sensitivity.Interval?.Level ?? 0.95);
}
