using System.Globalization;
using CovidCt.Pipelines;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Reporting.Comparisons;

/// <summary>
/// The operating point a run's decisions were made at, in words: the probability threshold, the minimum size, k and the
/// quadrant rule (what <c>covidct sweep</c> varies), plus any other post-processing option that differs from the study's.
/// Every comparison states it per model: two models compared at different operating points differ by more than the model.
/// </summary>
public static class OperatingPointText
{
    private static readonly string Study = Describe(new PipelineOptions());

    /// <summary>E.g. "probability ≥ 0.50, more than 25 pixels, 3 consecutive slices, same quadrant".</summary>
    public static string Describe(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (boxes, rule) = (options.LesionBoxes, options.PatientRule);
        var size = boxes.MinAreaSquareMillimetres is { } area
            ? string.Create(CultureInfo.InvariantCulture, $"more than {area:0.###} mm²")
            : string.Create(CultureInfo.InvariantCulture, $"more than {boxes.MinPixels} pixels");
        var text = string.Create(CultureInfo.InvariantCulture,
            $"probability ≥ {boxes.Threshold:0.00##}, {size}, {rule.ConsecutiveSlices} consecutive slices, {(rule.SameQuadrant ? "same quadrant" : "any quadrant")}");
        // The study's assignment, quadrant centre and gap go unsaid, as in the sweep's tables; a departure from them changes decisions, so it is named.
        if (options.Quadrants.Assignment != QuadrantAssignment.Centroid) text += ", a box counts for every quadrant it overlaps";
        if (options.Quadrants.Centre != QuadrantCentre.ValidArea) text += ", quadrants split at the image centre";
        if (rule.MaxGap > 0) text += string.Create(CultureInfo.InvariantCulture, $", runs may skip up to {rule.MaxGap} slices");
        return text;
    }

    /// <summary>True when <paramref name="options"/> make their decisions at the study's operating point (<see cref="Describe"/> equal to the study's).</summary>
    public static bool IsStudys(PipelineOptions options) => Describe(options) == Study;

    /// <summary><see cref="Describe"/>, followed by "(the study's)" when it is the study's operating point.</summary>
    public static string DescribeAgainstStudy(PipelineOptions options) => IsStudys(options) ? $"{Describe(options)} (the study's)" : Describe(options);
}
