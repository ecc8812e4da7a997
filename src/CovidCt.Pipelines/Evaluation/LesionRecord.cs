namespace CovidCt.Pipelines.Evaluation;

/// <summary>One true lesion: an 8-connected component of the truth mask on one slice.</summary>
/// <param name="PatientId">The patient (the image, in an image-level cohort).</param>
/// <param name="SliceIndex">0-based index of the slice in the patient's volume.</param>
/// <param name="Lesion">1-based number of the lesion on its slice, in scan order (top row first, then left to right).</param>
/// <param name="Pixels">Lesion area, slice pixels.</param>
/// <param name="Left">Leftmost column of the lesion.</param>
/// <param name="Top">Top row of the lesion.</param>
/// <param name="Right">One past its rightmost column.</param>
/// <param name="Bottom">One past its bottom row.</param>
/// <param name="HitBoxes">Boxes that hit it under the criterion in force.</param>
/// <param name="Score">Highest box probability among those boxes, or null when none hits it.</param>
public sealed record LesionRecord(string PatientId, int SliceIndex, int Lesion, int Pixels, int Left, int Top, int Right, int Bottom, int HitBoxes, double? Score)
{
    /// <summary>True when at least one box hits the lesion.</summary>
    public bool IsHit => HitBoxes > 0;
}
