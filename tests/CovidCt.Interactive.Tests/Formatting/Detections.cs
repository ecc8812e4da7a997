using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Interactive.Tests.Formatting;

/// <summary>Hand-made detection results: each slice lists the quadrants holding a box and the box probability.</summary>
internal static class Detections
{
    public static SliceResult Slice(int index, params (Quadrant Quadrant, double Probability)[] boxes) => new(
        index, -100 + 5.0 * index, null,
        new SliceDetection(boxes.Select(b => new LesionBox(new ImageRectangle(10, 10, 20, 20), 15, 15, 30, null, b.Probability, b.Probability, b.Quadrant)).ToArray()));

    public static PatientResult Patient(string id, params SliceResult[] slices) =>
        new(id, slices, PatientRule.Evaluate(slices.Select(s => s.Detection).ToArray(), new PatientRuleOptions()));

    public static PatientOutcome Outcome(PatientResult result, bool isCovid, params bool?[] truth) => new(result, isCovid, truth);

    /// <summary>Five slices, boxes in the upper left on slices 2–4 (1-based): positive by the study's rule.</summary>
    public static PatientResult Positive(string id = "p1") => Patient(id,
        Slice(0), Slice(1, (Quadrant.UpperLeft, 0.9)), Slice(2, (Quadrant.UpperLeft, 0.7), (Quadrant.LowerRight, 0.6)),
        Slice(3, (Quadrant.UpperLeft, 0.8)), Slice(4));

    /// <summary>Five slices, one box: negative.</summary>
    public static PatientResult Negative(string id = "n1") => Patient(id, Slice(0), Slice(1), Slice(2, (Quadrant.LowerLeft, 0.95)), Slice(3), Slice(4));
}
