using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.PostProcessing;

/// <summary>The labeller of the imaging core, restricted to a valid area: what the box detector and the sweep both run.</summary>
internal static class ValidAreaComponents
{
    /// <summary>
    /// Finds the components of <paramref name="map"/> at every threshold of <paramref name="thresholds"/> (strictly
    /// descending, each in (0, 1]). A map pixel takes part when its probability is at least the threshold and its centre,
    /// mapped to original coordinates by <paramref name="scaleX"/> and <paramref name="scaleY"/>, lies in
    /// <paramref name="validArea"/> as <paramref name="region"/> defines it; NaN never takes part.
    /// </summary>
    /// <exception cref="ArgumentException">When the thresholds are empty, more than 255, out of range or not strictly descending.</exception>
    public static void Find(this NestedComponents finder, ProbabilityMap map, ValidArea validArea, ValidAreaRegion region, double scaleX, double scaleY, ReadOnlySpan<float> thresholds)
    {
        ArgumentNullException.ThrowIfNull(finder);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(validArea);
        if (region == ValidAreaRegion.Mask)
        {
            finder.Find(map.Values, map.Width, map.Height, 0, map.Width, 0, map.Height,
                (x, y) => validArea.Includes(region, (x + 0.5) * scaleX, (y + 0.5) * scaleY), thresholds);
            return;
        }
        // A rectangle needs no test per pixel: the map columns and rows whose centres fall inside it.
        var bounds = region == ValidAreaRegion.WholeImage ? new ImageRectangle(0, 0, validArea.Width, validArea.Height) : validArea.Bounds;
        var b = bounds ?? default; // no valid area: an empty rectangle, so no pixel takes part
        var (x0, x1) = CentresInside(b.Left, b.Right, scaleX, map.Width);
        var (y0, y1) = CentresInside(b.Top, b.Bottom, scaleY, map.Height);
        finder.Find(map.Values, map.Width, map.Height, x0, x1, y0, y1, includes: null, thresholds);
    }

    // Map index i is inside when low <= (i + 0.5) * scale < high: the half-open range [first, end).
    private static (int First, int End) CentresInside(double low, double high, double scale, int length)
    {
        var first = Math.Max(0, (int)Math.Ceiling(low / scale - 0.5));
        var end = Math.Min(length, (int)Math.Ceiling(high / scale - 0.5));
        return (first, Math.Max(first, end));
    }
}
