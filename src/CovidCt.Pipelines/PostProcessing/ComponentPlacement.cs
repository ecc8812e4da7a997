namespace CovidCt.Pipelines.PostProcessing;

/// <summary>Where a labelled component lies on the original slice: the one placement the box detector and the sweep share.</summary>
internal static class ComponentPlacement
{
    /// <summary>
    /// Where <paramref name="component"/> (labelled at the slice's resolution) lies on the slice: its box in whole pixels, its
    /// centroid (pixel centres), the quadrants it counts for around (<paramref name="centreX"/>, <paramref name="centreY"/>), and
    /// those it would count for, or would keep, if it lay up to <see cref="FragileCall.WithinPixels"/> elsewhere along each axis.
    /// </summary>
    public static (ImageRectangle Bounds, double CentroidX, double CentroidY, Quadrant Quadrants, Quadrant Near, Quadrant Firm) Place(this ComponentSummary component,
        double centreX, double centreY, QuadrantAssignment assignment)
    {
        var c = component;
        var bounds = new ImageRectangle(c.MinX, c.MinY, c.MaxX + 1, c.MaxY + 1);
        var centroidX = (double)c.SumX / c.Pixels + 0.5;
        var centroidY = (double)c.SumY / c.Pixels + 0.5;
        var quadrants = Assign(bounds, centroidX, centroidY, centreX, centreY, assignment);
        // Moving the box by (dx, dy) is moving the split by (-dx, -dy). Both assignments are monotone in each shift, so the four
        // corner shifts reach every quadrant a shift within the tolerance reaches, and only those.
        const double t = FragileCall.WithinPixels;
        var (near, firm) = (quadrants, quadrants);
        foreach (var (dx, dy) in new[] { (-t, -t), (-t, t), (t, -t), (t, t) })
        {
            var shifted = Assign(bounds, centroidX, centroidY, centreX + dx, centreY + dy, assignment);
            (near, firm) = (near | shifted, firm & shifted);
        }
        return (bounds, centroidX, centroidY, quadrants, near, firm);
    }

    private static Quadrant Assign(ImageRectangle bounds, double centroidX, double centroidY, double centreX, double centreY, QuadrantAssignment assignment) =>
        assignment == QuadrantAssignment.Centroid ? SliceDetector.QuadrantOf(centroidX, centroidY, centreX, centreY) : Overlapped(bounds, centreX, centreY);

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
