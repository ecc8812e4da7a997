namespace CovidCt.Testing.Oracles;

/// <summary>
/// Slow, obviously correct pixel-by-pixel versions of the lung segmentation and the closing (flood fills and brute-force
/// windows), the oracles the fast run-based code is checked against.
/// </summary>
public static class ReferenceSegmentation
{
    /// <summary>
    /// The lung fields: the <paramref name="keep"/> largest eligible air components of at least <paramref name="minimum"/> pixels,
    /// holes filled, closed. Eligible: not touching the border or, when <paramref name="insideBody"/> is above 0, touching it
    /// with at least that fraction of its pixels whose centre lies in the convex hull of the non-air pixels (unit squares).
    /// </summary>
    public static byte[] Lungs(float[] hu, int width, int height, float airThreshold, int keep, int minimum, int closingRadius, double insideBody = 0)
    {
        var n = width * height;
        var labels = new int[n];
        var sizes = new List<int> { 0 };
        var border = new List<bool> { false };
        for (var i = 0; i < n; i++)
        {
            if (!(hu[i] < airThreshold) || labels[i] != 0) continue;
            var (size, touches) = Flood(i, labels, sizes.Count, width, height, j => hu[j] < airThreshold, corners: true);
            sizes.Add(size);
            border.Add(touches);
        }
        var inBody = insideBody > 0 ? InsideHull(hu, width, height, airThreshold) : new bool[n];
        var eligible = new bool[sizes.Count];
        for (var l = 1; l < sizes.Count; l++)
        {
            var inside = 0;
            for (var i = 0; i < n; i++) if (labels[i] == l && inBody[i]) inside++;
            eligible[l] = !border[l] || (insideBody > 0 && inside >= insideBody * sizes[l]);
        }
        var kept = new List<int>();
        for (var k = 0; k < keep; k++)
        {
            int best = 0, bestSize = minimum - 1;
            for (var l = 1; l < sizes.Count; l++)
            {
                if (eligible[l] && sizes[l] > bestSize && !kept.Contains(l)) { best = l; bestSize = sizes[l]; }
            }
            if (best == 0) break;
            kept.Add(best);
        }
        var lung = new byte[n];
        for (var i = 0; i < n; i++) lung[i] = kept.Contains(labels[i]) ? (byte)1 : (byte)0;

        var outside = new int[n];
        for (var i = 0; i < n; i++)
        {
            var (x, y) = (i % width, i / width);
            var onBorder = x == 0 || y == 0 || x == width - 1 || y == height - 1;
            if (onBorder && lung[i] == 0 && outside[i] == 0) Flood(i, outside, 1, width, height, j => lung[j] == 0, corners: false);
        }
        for (var i = 0; i < n; i++) if (lung[i] == 0 && outside[i] == 0) lung[i] = 1;
        return closingRadius > 0 ? Close(lung, width, height, closingRadius) : lung;
    }

    /// <summary>
    /// Pixels whose centre lies in the convex hull of the corners of every non-air pixel (NaN included), on its edge included:
    /// gift wrapping over all corners, then a sign test against every edge.
    /// </summary>
    public static bool[] InsideHull(float[] hu, int width, int height, float airThreshold)
    {
        var corners = new HashSet<(long X, long Y)>();
        for (var i = 0; i < hu.Length; i++)
        {
            if (hu[i] < airThreshold) continue;
            long x = i % width, y = i / width;
            corners.UnionWith([(x, y), (x + 1, y), (x, y + 1), (x + 1, y + 1)]);
        }
        var inside = new bool[hu.Length];
        if (corners.Count == 0) return inside;
        var points = corners.ToList();
        var hull = new List<(long X, long Y)>();
        var start = points.Min();
        var current = start;
        do
        {
            hull.Add(current);
            var next = points[0] == current ? points[1] : points[0];
            foreach (var p in points)
            {
                var cross = (next.X - current.X) * (p.Y - current.Y) - (next.Y - current.Y) * (p.X - current.X);
                var farther = (p.X - current.X) * (p.X - current.X) + (p.Y - current.Y) * (p.Y - current.Y)
                    > (next.X - current.X) * (next.X - current.X) + (next.Y - current.Y) * (next.Y - current.Y);
                if (p != current && (cross < 0 || (cross == 0 && farther))) next = p;
            }
            current = next;
        } while (current != start);
        for (var i = 0; i < hu.Length; i++)
        {
            double cx = i % width + 0.5, cy = i / width + 0.5;
            var all = true;
            for (var k = 0; k < hull.Count && all; k++)
            {
                var (a, b) = (hull[k], hull[(k + 1) % hull.Count]);
                all = (b.X - a.X) * (cy - a.Y) - (b.Y - a.Y) * (cx - a.X) >= 0;
            }
            inside[i] = all;
        }
        return inside;
    }

    /// <summary>Dilation then erosion with a (2r+1) square; outside the image counts as background for dilation and foreground for erosion.</summary>
    public static byte[] Close(byte[] mask, int width, int height, int radius) =>
        Window(Window(mask, width, height, radius, dilate: true), width, height, radius, dilate: false);

    private static byte[] Window(byte[] mask, int width, int height, int radius, bool dilate)
    {
        var result = new byte[mask.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bool any = false, all = true;
                for (var dy = -radius; dy <= radius; dy++)
                {
                    for (var dx = -radius; dx <= radius; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        var inside = nx >= 0 && ny >= 0 && nx < width && ny < height;
                        var value = inside ? mask[ny * width + nx] != 0 : !dilate;
                        any |= value;
                        all &= value;
                    }
                }
                result[y * width + x] = (dilate ? any : all) ? (byte)1 : (byte)0;
            }
        }
        return result;
    }

    private static (int Size, bool TouchesBorder) Flood(int seed, int[] labels, int label, int width, int height, Func<int, bool> member, bool corners)
    {
        var stack = new Stack<int>();
        stack.Push(seed);
        labels[seed] = label;
        var (size, touches) = (0, false);
        while (stack.Count > 0)
        {
            var i = stack.Pop();
            var (x, y) = (i % width, i / width);
            size++;
            touches |= x == 0 || y == 0 || x == width - 1 || y == height - 1;
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    if ((dx == 0 && dy == 0) || (!corners && dx != 0 && dy != 0)) continue;
                    int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
                    var j = ny * width + nx;
                    if (labels[j] != 0 || !member(j)) continue;
                    labels[j] = label;
                    stack.Push(j);
                }
            }
        }
        return (size, touches);
    }
}
