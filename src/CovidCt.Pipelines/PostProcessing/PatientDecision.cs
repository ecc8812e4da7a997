namespace CovidCt.Pipelines.PostProcessing;

/// <summary>The patient-level result of the quadrant rule.</summary>
/// <param name="IsPositive">True when some quadrant has boxes on the required number of consecutive slices.</param>
/// <param name="Score">
/// Patient score for ROC: over every quadrant and every run of k slices with a box there (gaps as allowed), the lowest of those
/// slices' best box probabilities in that quadrant; the highest such value, or 0 when no quadrant has a qualifying run.
/// Since every box reaches the threshold, the patient is positive exactly when the score is above 0.
/// </param>
/// <param name="Quadrant">The quadrant of the run that gives the score, or <see cref="PostProcessing.Quadrant.None"/>.</param>
/// <param name="FirstSlice">Index (in anatomical order) of the first slice of that run, or -1.</param>
/// <param name="LastSlice">Index of the last slice of that run, or -1.</param>
/// <param name="PositiveSlices">Slices with at least one box.</param>
/// <param name="SliceCount">Slices evaluated.</param>
public sealed record PatientDecision(bool IsPositive, double Score, Quadrant Quadrant, int FirstSlice, int LastSlice, int PositiveSlices, int SliceCount)
{
    /// <summary>Why the call would flip under a small move of its boxes, or null when it would not (<see cref="FragileCall"/>).</summary>
    public FragileCall? Fragility { get; init; }
}
