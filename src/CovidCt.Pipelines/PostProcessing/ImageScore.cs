namespace CovidCt.Pipelines.PostProcessing;

/// <summary>What ranks the slices in the per-image ROC (the image decision itself is always "any box survives").</summary>
public enum ImageScore
{
    /// <summary>
    /// The highest lesion probability inside the valid area, at the slice's resolution (the default): graded on every slice,
    /// with or without a box, so the ROC sweeps the whole range of the model's confidence.
    /// </summary>
    MaxPixel,

    /// <summary>
    /// The highest probability inside a surviving box, 0 without one: how confident the boxes are. Nearly every box of a
    /// confident model holds a pixel near 1.0, so this ROC is close to a single point (the image decision).
    /// </summary>
    MaxBox,
}
