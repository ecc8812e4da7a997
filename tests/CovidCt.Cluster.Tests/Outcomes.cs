using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Cluster.Tests;

/// <summary>Synthetic outcomes with every field set, including the awkward ones (nulls, doubles that print long).</summary>
internal static class Outcomes
{
    public static PatientOutcome Covid(string id = "covid-001")
    {
        var box = new LesionBox(new ImageRectangle(12, 30, 41, 77), 26.123456789012345, 51.1 / 3, 812, null, 0.1 + 0.2, 0.7 / 3, Quadrant.UpperLeft | Quadrant.LowerLeft);
        var other = new LesionBox(new ImageRectangle(140, 60, 150, 72), 145, 66, 60, 23.4375, 0.987654321, 0.55, Quadrant.UpperRight);
        var slices = new[]
        {
            new SliceResult(0, -12.5, new ImageRectangle(3, 4, 250, 251), new SliceDetection([box, other], 17.25, 0.9999999, ImageScore.MaxPixel)),
            new SliceResult(1, -10, null, new SliceDetection([], 0, 1e-300, ImageScore.MaxPixel)),
            new SliceResult(2, -7.5, new ImageRectangle(0, 0, 256, 256), new SliceDetection([box], 0, 0.3, ImageScore.MaxPixel)),
        };
        return new PatientOutcome(new PatientResult(id, slices, new PatientDecision(true, 0.1 + 0.2, Quadrant.UpperLeft, 0, 2, 2, 3)), true, [true, null, false]);
    }
}
