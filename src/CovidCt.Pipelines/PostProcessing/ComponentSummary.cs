namespace CovidCt.Pipelines.PostProcessing;

/// <summary>
/// One 8-connected component of the pixels at or above a threshold, at the probability map's resolution: its size, bounding
/// pixels, coordinate sums (for the centroid) and probabilities.
/// </summary>
/// <param name="Pixels">Pixels in the component (at least 1).</param>
/// <param name="MinX">Leftmost column.</param>
/// <param name="MinY">Top row.</param>
/// <param name="MaxX">Rightmost column (inclusive).</param>
/// <param name="MaxY">Bottom row (inclusive).</param>
/// <param name="SumX">Sum of the pixels' columns (exact: integers well below 2^53).</param>
/// <param name="SumY">Sum of the pixels' rows.</param>
/// <param name="MaxProbability">Highest probability in the component.</param>
/// <param name="SumProbability">Sum of the probabilities (its rounding depends on the order pixels were merged).</param>
public readonly record struct ComponentSummary(int Pixels, int MinX, int MinY, int MaxX, int MaxY, double SumX, double SumY, double MaxProbability, double SumProbability)
{
    /// <summary>
    /// Where the component lies on the original slice when each map pixel covers <paramref name="scaleX"/> x <paramref name="scaleY"/>
    /// original pixels: its box, its centroid (pixel centres) and the quadrants it counts for around
    /// (<paramref name="centreX"/>, <paramref name="centreY"/>). The box detector and the sweep both place components here.
    /// </summary>
    public (ImageRectangle Bounds, double CentroidX, double CentroidY, Quadrant Quadrants) Place(double scaleX, double scaleY, double centreX, double centreY, QuadrantAssignment assignment)
    {
        var bounds = new ImageRectangle(MinX * scaleX, MinY * scaleY, (MaxX + 1) * scaleX, (MaxY + 1) * scaleY);
        var centroidX = (SumX / Pixels + 0.5) * scaleX;
        var centroidY = (SumY / Pixels + 0.5) * scaleY;
        var quadrants = assignment == QuadrantAssignment.Centroid
            ? SliceDetector.QuadrantOf(centroidX, centroidY, centreX, centreY)
            : Overlapped(bounds, centreX, centreY);
        return (bounds, centroidX, centroidY, quadrants);
    }

    private static Quadrant Overlapped(ImageRectangle box, double centreX, double centreY)
    {
        var left = box.Left < centreX;
        var right = box.Right > centreX;
        var upper = box.Top < centreY;
        var lower = box.Bottom > centreY;
        var result = Quadrant.None;
        if (upper && left) result |= Quadrant.UpperLeft;
        if (upper && right) result |= Quadrant.UpperRight;
        if (lower && left) result |= Quadrant.LowerLeft;
        if (lower && right) result |= Quadrant.LowerRight;
        return result;
    }
}
