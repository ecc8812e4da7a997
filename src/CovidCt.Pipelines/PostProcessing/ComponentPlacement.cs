namespace CovidCt.Pipelines.PostProcessing;

/// <summary>Where a labelled component lies on the original slice: the one placement the box detector and the sweep share.</summary>
internal static class ComponentPlacement
{
    /// <summary>
    /// Where <paramref name="component"/> (labelled at the slice's resolution) lies on the slice: its box in whole pixels, its
    /// centroid (pixel centres) and the quadrants it counts for around (<paramref name="centreX"/>, <paramref name="centreY"/>).
    /// </summary>
    public static (ImageRectangle Bounds, double CentroidX, double CentroidY, Quadrant Quadrants) Place(this ComponentSummary component, double centreX, double centreY, QuadrantAssignment assignment)
    {
        var c = component;
        var bounds = new ImageRectangle(c.MinX, c.MinY, c.MaxX + 1, c.MaxY + 1);
        var centroidX = (double)c.SumX / c.Pixels + 0.5;
        var centroidY = (double)c.SumY / c.Pixels + 0.5;
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
