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
    Quadrant Quadrants);
