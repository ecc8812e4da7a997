namespace CovidCt.Pipelines.PostProcessing;

/// <summary>Where a labelled component lies on the original slice: the one placement the box detector and the sweep share.</summary>
internal static class ComponentPlacement
{
    /// <summary>
    /// Where <paramref name="component"/> lies on the original slice when each map pixel covers <paramref name="scaleX"/> x
    /// <paramref name="scaleY"/> original pixels: its box, its centroid (pixel centres) and the quadrants it counts for around
    /// (<paramref name="centreX"/>, <paramref name="centreY"/>).
    /// </summary>
    public static (ImageRectangle Bounds, double CentroidX, double CentroidY, Quadrant Quadrants) Place(this ComponentSummary component, double scaleX, double scaleY, double centreX, double centreY, QuadrantAssignment assignment)
    {
        var c = component;
        var bounds = new ImageRectangle(c.MinX * scaleX, c.MinY * scaleY, (c.MaxX + 1) * scaleX, (c.MaxY + 1) * scaleY);
        var centroidX = (c.SumX / c.Pixels + 0.5) * scaleX;
        var centroidY = (c.SumY / c.Pixels + 0.5) * scaleY;
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
