using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Reporting.Tests;

/// <summary>Hand-made detection results: each slice lists the quadrants holding a box and the box probability.</summary>
internal static class Outcomes
{
    public static SliceResult Slice(int index, params (Quadrant Quadrant, double Probability)[] boxes) => new(
        index, -100 + 5.0 * index, null,
        new SliceDetection(boxes.Select(b => new LesionBox(new ImageRectangle(10, 10, 20, 20), 15, 15, 30, null, b.Probability, b.Probability, b.Quadrant)).ToArray()));

    /// <summary>The result of a patient whose slices are <paramref name="slices"/>, decided by the study's rule.</summary>
    public static PatientResult Result(string id, params SliceResult[] slices) =>
        new(id, slices, PatientRule.Evaluate(slices.Select(s => s.Detection).ToArray(), new PatientRuleOptions()));

    /// <summary>A patient whose slices are <paramref name="slices"/>, against its label and slice truth.</summary>
    public static PatientOutcome Patient(string id, bool isCovid, bool?[] truth, params SliceResult[] slices) => new(Result(id, slices), isCovid, truth);

    /// <summary>Boxes in the upper left on slice indices 1–3 of 5: positive by the study's rule.</summary>
    public static SliceResult[] Positive() =>
        [Slice(0), Slice(1, (Quadrant.UpperLeft, 0.9)), Slice(2, (Quadrant.UpperLeft, 0.7)), Slice(3, (Quadrant.UpperLeft, 0.8)), Slice(4)];

    /// <summary>One box, on slice index 2 of 5: negative.</summary>
    public static SliceResult[] Negative() => [Slice(0), Slice(1), Slice(2, (Quadrant.LowerLeft, 0.95)), Slice(3), Slice(4)];
}
