namespace CovidCt.Imaging;

/// <summary>
/// The convex hull of a set of pixels given row by row as column extents, turned back into pixels: for each row, the columns
/// whose centre lies inside the hull or on its edge. The hull is taken over the pixels' corners (each pixel a unit square), so
/// a single pixel or a straight line of them is its own outline.
/// </summary>
internal static class ConvexOutline
{
    // Centres this close to an edge count as on it: the edge crossings are computed in floating point.
    private const double OnEdge = 1e-9;

    /// <summary>
    /// Fills <paramref name="from"/> and <paramref name="to"/> (one entry per row) with the half-open column range of each row
    /// inside the convex hull of the pixels whose row extent <paramref name="extent"/> gives ([First, End), null for a row with none).
    /// Rows outside the hull get an empty range.
    /// </summary>
    public static void Fill(int height, Func<int, (int First, int End)?> extent, Span<int> from, Span<int> to)
    {
        var corners = new List<(long X, long Y)>(4 * height);
        for (var y = 0; y < height; y++)
        {
            if (extent(y) is not { } e) continue;
            corners.Add((e.First, y));
            corners.Add((e.First, y + 1));
            corners.Add((e.End, y));
            corners.Add((e.End, y + 1));
        }
        from[..height].Clear();
        to[..height].Clear();
        if (corners.Count == 0) return;
        var hull = Hull(corners);
        var low = new double[height];
        var high = new double[height];
        low.AsSpan().Fill(double.PositiveInfinity);
        high.AsSpan().Fill(double.NegativeInfinity);
        // Each edge updates the rows whose centre line it crosses: every row once per edge that reaches it, not every edge per row.
        for (var k = 0; k < hull.Count; k++)
        {
            var (a, b) = (hull[k], hull[(k + 1) % hull.Count]);
            // Corners are whole numbers and centres are not, so a horizontal edge crosses no centre line.
            if (a.Y == b.Y) continue;
            var (top, bottom) = (Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y));
            for (var y = (int)top; y < bottom && y < height; y++)
            {
                var x = a.X + (y + 0.5 - a.Y) * (b.X - a.X) / (double)(b.Y - a.Y);
                low[y] = Math.Min(low[y], x);
                high[y] = Math.Max(high[y], x);
            }
        }
        for (var y = 0; y < height; y++)
        {
            if (low[y] > high[y]) continue;
            // Column c is inside when low <= c + 0.5 <= high.
            from[y] = Math.Max(0, (int)Math.Ceiling(low[y] - 0.5 - OnEdge));
            to[y] = Math.Max(from[y], (int)Math.Floor(high[y] - 0.5 + OnEdge) + 1);
        }
    }

    // Andrew's monotone chain: the hull's vertices counter-clockwise (in image coordinates, y down), collinear points dropped.
    private static List<(long X, long Y)> Hull(List<(long X, long Y)> points)
    {
        points.Sort();
        var hull = new List<(long X, long Y)>();
        foreach (var p in points) Push(hull, p, 2);
        var lower = hull.Count + 1;
        for (var i = points.Count - 2; i >= 0; i--) Push(hull, points[i], lower);
        hull.RemoveAt(hull.Count - 1); // the first point, reached again
        return hull;
    }

    private static void Push(List<(long X, long Y)> hull, (long X, long Y) p, int keep)
    {
        while (hull.Count >= keep && Cross(hull[^2], hull[^1], p) <= 0) hull.RemoveAt(hull.Count - 1);
        hull.Add(p);
    }

    private static long Cross((long X, long Y) o, (long X, long Y) a, (long X, long Y) b) => (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
}
