using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Sweeps;

/// <summary>One post-processing setting of a sweep: the parameters of steps 5, 6 and 8 that the sweep varies.</summary>
/// <param name="Threshold">Probability threshold of a lesion pixel, in (0, 1].</param>
/// <param name="MinPixels">A component is kept when it has more than this many pixels.</param>
/// <param name="ConsecutiveSlices">The patient rule's k.</param>
/// <param name="SameQuadrant">True: the k slices need a box in one quadrant (the study's rule); false: any box on each.</param>
/// <param name="Assignment">Which quadrants a box counts for.</param>
public sealed record SweepSetting(double Threshold, int MinPixels, int ConsecutiveSlices, bool SameQuadrant, QuadrantAssignment Assignment)
{
    /// <summary>The study's setting: 0.50, more than 25 pixels, 3 consecutive slices, same quadrant, by centroid.</summary>
    public static SweepSetting Study { get; } = new(StudyProtocol.ProbabilityThreshold, StudyProtocol.MinPixels, StudyProtocol.ConsecutiveSlices, StudyProtocol.SameQuadrant, QuadrantAssignment.Centroid);

    /// <summary>True for <see cref="Study"/>.</summary>
    public bool IsStudyDefault => Equals(Study);

    /// <summary>
    /// How far the setting lies from the study's, for breaking ties: first how many of the five parameters differ, then the
    /// distance in threshold, minimum pixels and k. Smaller is closer; <see cref="Study"/> gives all zeros.
    /// </summary>
    public (int Differences, double Threshold, int MinPixels, int ConsecutiveSlices) DistanceFromStudy()
    {
        var study = Study;
        var differences = (Threshold != study.Threshold ? 1 : 0) + (MinPixels != study.MinPixels ? 1 : 0) + (ConsecutiveSlices != study.ConsecutiveSlices ? 1 : 0)
            + (SameQuadrant != study.SameQuadrant ? 1 : 0) + (Assignment != study.Assignment ? 1 : 0);
        return (differences, Math.Abs(Threshold - study.Threshold), Math.Abs(MinPixels - study.MinPixels), Math.Abs(ConsecutiveSlices - study.ConsecutiveSlices));
    }

    /// <summary>
    /// A copy of <paramref name="options"/> with this setting applied: threshold, minimum pixels, k, same quadrant and assignment
    /// change, every other option is kept (the image score, the quadrant centre, the gap). The three blocks the setting
    /// changes and the valid area are copies, so a caller that sets a copy's valid area (the command line's <c>--valid-area</c>,
    /// a pipeline.json's segmentation model) leaves the sweep's other rows alone; preprocessing and scoring stay shared.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="options"/> set a minimum area in mm² (see <see cref="RefuseMinimumArea"/>).</exception>
    public PipelineOptions ApplyTo(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RefuseMinimumArea(options);
        var applied = options.Copy();
        applied.ValidArea = options.ValidArea.Copy();
        applied.LesionBoxes = options.LesionBoxes.Copy();
        applied.LesionBoxes.Threshold = Threshold;
        applied.LesionBoxes.MinPixels = MinPixels;
        applied.Quadrants = options.Quadrants.Copy();
        applied.Quadrants.Assignment = Assignment;
        applied.PatientRule = options.PatientRule.Copy();
        applied.PatientRule.ConsecutiveSlices = ConsecutiveSlices;
        applied.PatientRule.SameQuadrant = SameQuadrant;
        return applied;
    }

    /// <summary>
    /// A sweep varies the minimum size in slice pixels; a minimum area in mm² would replace it in every row (and in a tuned
    /// pipeline.json), so the rows would not mean what they say. Options with one are refused rather than silently swept in pixels.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="options"/> set <see cref="LesionBoxOptions.MinAreaSquareMillimetres"/>.</exception>
    internal static void RefuseMinimumArea(PipelineOptions options)
    {
        if (options.LesionBoxes.MinAreaSquareMillimetres is { } area)
        {
            throw new ArgumentException(FormattableString.Invariant(
                $"the options set a minimum area of {area} mm² (lesion_boxes.min_area_square_millimetres), which would replace the minimum pixels a sweep varies; sweep without it (the grid's minimum sizes are slice pixels)"),
                nameof(options));
        }
    }
}
