namespace CovidCt.Pipelines.PostProcessing;

/// <summary>Why a patient's call rests on a knife edge (see <see cref="FragileCall"/>).</summary>
public enum FragileReason
{
    /// <summary>
    /// Negative, but a box within <see cref="FragileCall.WithinPixels"/> of a split line would, counted across the line, complete a
    /// run of k slices in one quadrant.
    /// </summary>
    NearLineWouldComplete = 1,

    /// <summary>
    /// Positive, but every qualifying run rests on a box within <see cref="FragileCall.WithinPixels"/> of a split line: counted on
    /// its other side, no quadrant keeps a run of k slices.
    /// </summary>
    NearLineHoldsRun = 2,
}

/// <summary>
/// A patient's call that a small, stated perturbation of its boxes would flip: moving one or more boxes by up to
/// <see cref="WithinPixels"/> source pixels across a quadrant split line. Information for the reader, not a rule: the decision
/// is unchanged. With the centroid assignment a box is near a line when its centroid is; with the overlap assignment, when an
/// edge of its box is. Without the quadrant rule (<see cref="PatientRuleOptions.SameQuadrant"/> false) no call is fragile in
/// this sense, since quadrants play no part.
/// </summary>
/// <param name="Reason">Which way the call would flip.</param>
/// <param name="Quadrant">The quadrant of the run that would appear (<see cref="FragileReason.NearLineWouldComplete"/>) or that rests on the box (<see cref="FragileReason.NearLineHoldsRun"/>).</param>
/// <param name="FirstSlice">First slice of that run, in anatomical order (as <see cref="PatientDecision.FirstSlice"/>).</param>
/// <param name="LastSlice">Last slice of that run.</param>
public sealed record FragileCall(FragileReason Reason, Quadrant Quadrant, int FirstSlice, int LastSlice)
{
    /// <summary>
    /// How far a box may move, in source pixels along each axis, for a call to count as fragile: about one pixel of resampling or
    /// lossy coding, with half a pixel to spare (docs/pipeline.md gives the measurements behind it).
    /// </summary>
    public const double WithinPixels = 1.5;
}
