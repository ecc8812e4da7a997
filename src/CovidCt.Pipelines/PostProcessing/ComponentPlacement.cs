namespace CovidCt.Pipelines.PostProcessing;

/// <summary>Where a labelled component lies on the original slice: the one placement the box detector and the sweep share.</summary>
internal static class ComponentPlacement
{
    /// <summary>
    /// Where <paramref name="component"/> (labelled at the slice's resolution) lies on the slice: its box in whole pixels, its
    /// centroid (pixel centres) and the quadrants it counts for around (<paramref name="centreX"/>, <paramref name="centreY"/>).
    /// </summary>
    public static (ImageRectangle Bounds, double CentroidX, double CentroidY, Quadrant Quadrants) Place(this ComponentSummary component,
        double centreX, double centreY, QuadrantAssignment assignment)
    {
        var c = component;
        var bounds = new ImageRectangle(c.MinX, c.MinY, c.MaxX + 1, c.MaxY + 1);
        var centroidX = (double)c.SumX / c.Pixels + 0.5;
        var centroidY = (double)c.SumY / c.Pixels + 0.5;
        return (bounds, centroidX, centroidY, Assign(bounds, centroidX, centroidY, centreX, centreY, assignment));
    }

    /// <summary>
    /// The quadrants a component placed at <paramref name="bounds"/> and its centroid would count for (Near), and would keep
    /// (Firm), if it lay up to <see cref="FragileCall.WithinPixels"/> elsewhere along each axis: what the fragile-call flag needs,
    /// so only the box detector asks (the sweep places every component at many settings and needs none of it).
    /// </summary>
    public static (Quadrant Near, Quadrant Firm) Reach(ImageRectangle bounds, double centroidX, double centroidY, Quadrant quadrants,
        double centreX, double centreY, QuadrantAssignment assignment)
    {
        // Moving the box by (dx, dy) is moving the split by (-dx, -dy). Both assignments are monotone in each shift, so the four
        // corner shifts reach every quadrant a shift within the tolerance reaches, and only those.
        var (near, firm) = (quadrants, quadrants);
        foreach (var (dx, dy) in CornerShifts)
        {
            var shifted = Assign(bounds, centroidX, centroidY, centreX + dx, centreY + dy, assignment);
            (near, firm) = (near | shifted, firm & shifted);
        }
        return (near, firm);
    }

    private static readonly (double X, double Y)[] CornerShifts =
    [
        (-FragileCall.WithinPixels, -FragileCall.WithinPixels), (-FragileCall.WithinPixels, FragileCall.WithinPixels),
        (FragileCall.WithinPixels, -FragileCall.WithinPixels), (FragileCall.WithinPixels, FragileCall.WithinPixels),
    ];

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
