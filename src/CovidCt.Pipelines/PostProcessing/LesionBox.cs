namespace CovidCt.Pipelines.PostProcessing;

/// <summary>One suspicious region (a red box), in original image coordinates.</summary>
/// <param name="Bounds">The component's bounding box on the original slice, in whole pixels (left and top inclusive, right and bottom exclusive).</param>
/// <param name="CentroidX">Column of the component's centroid in original coordinates.</param>
/// <param name="CentroidY">Row of the component's centroid in original coordinates.</param>
/// <param name="Pixels">Pixels of the component at the slice's own resolution (what the minimum size is compared with).</param>
/// <param name="AreaSquareMillimetres">Area in mm², or null when the slice's pixel spacing is unknown.</param>
/// <param name="MaxProbability">Highest probability in the component.</param>
/// <param name="MeanProbability">Mean probability over the component.</param>
/// <param name="Quadrants">The quadrants the box counts for.</param>
public sealed record LesionBox(
    ImageRectangle Bounds,
    double CentroidX,
    double CentroidY,
    int Pixels,
    double? AreaSquareMillimetres,
    double MaxProbability,
    double MeanProbability,
    Quadrant Quadrants)
{
    // Unless the detector sets them, a box counts for its quadrants wherever it lies (so a box made by hand, decoded or read
    // back from JSON compares equal to itself).
    private readonly Quadrant _near = Quadrants;
    private readonly Quadrant _firm = Quadrants;

    /// <summary>
    /// Every quadrant the box would count for if it lay up to <see cref="FragileCall.WithinPixels"/> elsewhere (always includes
    /// <see cref="Quadrants"/>); equal to it when no split line is that close, or when the box was not placed by the detector.
    /// </summary>
    public Quadrant NearQuadrants { get => _near | Quadrants; init => _near = value | Quadrants; }

    /// <summary>
    /// The quadrants the box counts for wherever it lies within <see cref="FragileCall.WithinPixels"/> (always within
    /// <see cref="Quadrants"/>); equal to it when no split line is that close, or when the box was not placed by the detector.
    /// </summary>
    public Quadrant FirmQuadrants { get => _firm & Quadrants; init => _firm = value & Quadrants; }
}
