using CovidCt.Metrics;

namespace CovidCt.Pipelines.Evaluation;

/// <summary>One slice with a known truth, matched box by box against its true lesions.</summary>
/// <param name="PatientId">The patient (the image, in an image-level cohort).</param>
/// <param name="SliceIndex">0-based index of the slice.</param>
/// <param name="Lesions">True lesions on the slice.</param>
/// <param name="LesionsHit">Of those, lesions some box hits.</param>
/// <param name="Boxes">Red boxes on the slice.</param>
/// <param name="FalsePositiveScores">The highest probability of each box that hits no lesion (a false positive).</param>
/// <param name="Overlap">Truth mask against the area the boxes cover (a pixel is covered when its centre lies in a box), in slice pixels.</param>
public sealed record SliceLesionRecord(string PatientId, int SliceIndex, int Lesions, int LesionsHit, int Boxes, IReadOnlyList<double> FalsePositiveScores, AreaOverlap Overlap)
{
    /// <summary>Boxes that hit no lesion.</summary>
    public int FalsePositiveBoxes => FalsePositiveScores.Count;
}
