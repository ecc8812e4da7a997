using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Catalog;

/// <summary>Everything steps 5 to 7 (boxes, quadrants, image decision) need.</summary>
public sealed class DetectLesionBoxesOptions
{
    /// <summary>Threshold and minimum size (pixels or mm²).</summary>
    public LesionBoxOptions LesionBoxes { get; set; } = new();

    /// <summary>The quadrant split.</summary>
    public QuadrantOptions Quadrants { get; set; } = new();

    /// <summary>Which part of the valid area (step 4's columns) lesions are looked for in; it is passed to the detector, the probabilities are not changed.</summary>
    public ValidAreaRegion Region { get; set; } = ValidAreaRegion.Rectangle;

    /// <summary>Checks the options once, when the pipeline is built.</summary>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(LesionBoxes, nameof(LesionBoxes));
        ArgumentNullException.ThrowIfNull(Quadrants, nameof(Quadrants));
        LesionBoxes.Validate();
        if (!Enum.IsDefined(Region)) throw new ArgumentException($"valid-area region {Region} is not one of Rectangle, Mask, WholeImage", nameof(Region));
    }
}
