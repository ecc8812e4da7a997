using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines;

/// <summary>One slice of a patient after steps 4 to 7.</summary>
/// <param name="Index">Slice index in the volume (anatomical order, feet to head).</param>
/// <param name="Position">Position along the slice normal, mm.</param>
/// <param name="ValidArea">The lung-field rectangle, or null when the slice has none.</param>
/// <param name="Detection">Boxes, quadrants, decision and score.</param>
public sealed record SliceResult(int Index, double Position, ImageRectangle? ValidArea, SliceDetection Detection);

/// <summary>A patient after the whole pipeline.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Slices">Per-slice results in anatomical order.</param>
/// <param name="Decision">The patient rule's result.</param>
public sealed record PatientResult(string PatientId, IReadOnlyList<SliceResult> Slices, PatientDecision Decision);
