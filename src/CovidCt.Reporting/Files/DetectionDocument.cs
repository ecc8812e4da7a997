using CovidCt.Pipelines;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Files;

/// <summary><c>covidct detect --json</c>: the boxes of each drawn slice and the patient rule's decision over the volume.</summary>
/// <param name="SchemaVersion">The schema version (<see cref="OutputJson.SchemaVersion"/>).</param>
/// <param name="Input">The CT read.</param>
/// <param name="Model">The model file.</param>
/// <param name="Slices">Slices in the volume.</param>
/// <param name="Detections">The drawn slices, in anatomical order.</param>
/// <param name="PatientRule">The rule's decision over the volume.</param>
public sealed record DetectionDocument(int SchemaVersion, string Input, string Model, int Slices, IReadOnlyList<SliceDetectionDocument> Detections, PatientRuleDocument PatientRule)
{
    /// <summary>The document of <paramref name="result"/>, whose <paramref name="drawn"/> slices were drawn into figure files.</summary>
    public static DetectionDocument Of(string input, string model, int slices, PatientResult result, IReadOnlyList<(SliceResult Slice, string Figure)> drawn)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(drawn);
        return new(OutputJson.SchemaVersion, input, model, slices, drawn.Select(d => SliceDetectionDocument.Of(d.Slice, d.Figure)).ToArray(), PatientRuleDocument.Of(result.Decision));
    }

    /// <summary>The run's warnings, as the console says them before any number: geometry the files did not state, the scoring plan's memory (<c>BatchedOnnxScorer.BudgetWarning</c>).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>One drawn slice.</summary>
/// <param name="SliceIndex">The 0-based slice index (anatomical order).</param>
/// <param name="PositionMm">The slice position along the patient axis.</param>
/// <param name="Figure">The red-box PNG.</param>
/// <param name="Boxes">The lesion boxes.</param>
public sealed record SliceDetectionDocument(int SliceIndex, double PositionMm, string Figure, IReadOnlyList<BoxDocument> Boxes)
{
    /// <summary>The document of <paramref name="slice"/>.</summary>
    public static SliceDetectionDocument Of(SliceResult slice, string figure)
    {
        ArgumentNullException.ThrowIfNull(slice);
        return new(slice.Index, slice.Position, figure, slice.Detection.Boxes.Select(BoxDocument.Of).ToArray());
    }
}

/// <summary>A lesion box, in original pixel coordinates.</summary>
/// <param name="Left">Left edge.</param>
/// <param name="Top">Top edge.</param>
/// <param name="Right">Right edge.</param>
/// <param name="Bottom">Bottom edge.</param>
/// <param name="MaxProbability">Highest probability inside.</param>
/// <param name="MeanProbability">Mean probability inside.</param>
/// <param name="Pixels">Component size in model pixels.</param>
/// <param name="Quadrants">The quadrants it counts for, "UpperLeft|LowerRight".</param>
public sealed record BoxDocument(double Left, double Top, double Right, double Bottom, double MaxProbability, double MeanProbability, int Pixels, string Quadrants)
{
    /// <summary>The document of <paramref name="box"/>.</summary>
    public static BoxDocument Of(LesionBox box)
    {
        ArgumentNullException.ThrowIfNull(box);
        return new(box.Bounds.Left, box.Bounds.Top, box.Bounds.Right, box.Bounds.Bottom, box.MaxProbability, box.MeanProbability, box.Pixels, QuadrantNames.Key(box.Quadrants));
    }
}

/// <summary>The patient rule's decision.</summary>
/// <param name="Positive">Whether the rule fired.</param>
/// <param name="Quadrant">The quadrant of the deciding run; null when negative.</param>
/// <param name="FirstSliceIndex">The deciding run's first 0-based slice index; null when negative.</param>
/// <param name="LastSliceIndex">The deciding run's last 0-based slice index; null when negative.</param>
/// <param name="PositiveSlices">Slices with at least one box.</param>
public sealed record PatientRuleDocument(bool Positive, string? Quadrant, int? FirstSliceIndex, int? LastSliceIndex, int PositiveSlices)
{
    /// <summary>The document of <paramref name="decision"/>.</summary>
    public static PatientRuleDocument Of(PatientDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var document = decision.IsPositive
            ? new PatientRuleDocument(true, QuadrantNames.Key(decision.Quadrant), decision.FirstSlice, decision.LastSlice, decision.PositiveSlices)
            : new PatientRuleDocument(false, null, null, null, decision.PositiveSlices);
        return document with { Fragile = FragileCallDocument.Of(decision.Fragility) };
    }

    /// <summary>Why the call would flip under a small move of its boxes, or null when it is firm.</summary>
    public FragileCallDocument? Fragile { get; init; }
}
