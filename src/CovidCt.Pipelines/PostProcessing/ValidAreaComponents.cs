using CovidCt.Imaging;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.PostProcessing;

/// <summary>The labeller of the imaging core, restricted to a valid area: what the box detector and the sweep both run.</summary>
internal static class ValidAreaComponents
{
    /// <summary>
    /// Finds the components of <paramref name="map"/> (at the slice's resolution) at every threshold of <paramref name="thresholds"/>
    /// (strictly descending, each in (0, 1]). A pixel takes part when its probability is at least the threshold and it lies in
    /// <paramref name="validArea"/> as <paramref name="region"/> defines it; NaN never takes part. When <paramref name="computedRows"/>
    /// is not empty, only the rows it marks are read (<see cref="NeededRows"/>: the others cannot reach the threshold).
    /// </summary>
    /// <exception cref="ArgumentException">When the thresholds are empty, more than 255, out of range or not strictly descending, or the map and the valid area differ in size.</exception>
    public static void Find(this NestedComponents finder, ProbabilityMap map, ValidArea validArea, ValidAreaRegion region, ReadOnlySpan<float> thresholds,
        ReadOnlySpan<bool> computedRows = default)
    {
        ArgumentNullException.ThrowIfNull(finder);
        if (region == ValidAreaRegion.Mask)
        {
            var (mask, width) = (validArea.Mask, validArea.Width);
            RequireSameSize(map, validArea);
            finder.Find(map.Values, map.Width, map.Height, 0, map.Width, 0, map.Height, (x, y) => mask[y * width + x] != 0, thresholds, computedRows);
            return;
        }
        var (x0, y0, x1, y1) = Rectangle(map, validArea, region);
        finder.Find(map.Values, map.Width, map.Height, x0, x1, y0, y1, includes: null, thresholds, computedRows);
    }

    /// <summary>
    /// The highest probability of <paramref name="map"/> inside <paramref name="validArea"/> as <paramref name="region"/> defines it;
    /// 0 when the area is empty. NaN is skipped (the scorer refuses maps holding it).
    /// </summary>
    public static double MaxInside(ProbabilityMap map, ValidArea validArea, ValidAreaRegion region)
    {
        var values = map.Values;
        var max = 0f;
        if (region == ValidAreaRegion.Mask)
        {
            RequireSameSize(map, validArea);
            for (var y = 0; y < map.Height; y++) max = HighestInRow(values, map.Width, y, 0, map.Width, validArea.Mask, max);
            return max;
        }
        var (x0, y0, x1, y1) = Rectangle(map, validArea, region);
        for (var y = y0; y < y1; y++) max = HighestInRow(values, map.Width, y, x0, x1, mask: null, max);
        return max;
    }

    /// <summary>
    /// The highest of <paramref name="best"/> and row <paramref name="y"/>'s values inside the valid area: the columns
    /// [<paramref name="x0"/>, <paramref name="x1"/>) without a <paramref name="mask"/>, the mask's pixels with one. NaN is skipped.
    /// </summary>
    public static float HighestInRow(float[] values, int width, int y, int x0, int x1, byte[]? mask, float best)
    {
        if (mask is null) return x0 < x1 ? PixelScan.Highest(values.AsSpan(y * width + x0, x1 - x0), best) : best;
        for (var i = y * width; i < (y + 1) * width; i++)
        {
            if (mask[i] != 0 && values[i] > best) best = values[i];
        }
        return best;
    }

    /// <summary>
    /// The columns [X0, X1) and rows [Y0, Y1) of <paramref name="map"/> searched for a rectangle or the whole image (a rectangle
    /// needs no test per pixel: the pixels whose centres it holds); none when the slice has no valid area. Not for the mask.
    /// </summary>
    public static (int X0, int Y0, int X1, int Y1) Rectangle(ProbabilityMap map, ValidArea validArea, ValidAreaRegion region)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(validArea);
        RequireSameSize(map, validArea);
        if (region == ValidAreaRegion.WholeImage) return (0, 0, map.Width, map.Height);
        if (validArea.Bounds is not { } b) return (0, 0, 0, 0);
        var (x0, x1) = CentresInside(b.Left, b.Right, map.Width);
        var (y0, y1) = CentresInside(b.Top, b.Bottom, map.Height);
        return (x0, y0, x1, y1);
    }

    // Pixel i is inside when low <= i + 0.5 < high: the half-open range [first, end).
    private static (int First, int End) CentresInside(double low, double high, int length)
    {
        var first = Math.Clamp((int)Math.Ceiling(low - 0.5), 0, length);
        var end = Math.Clamp((int)Math.Ceiling(high - 0.5), first, length);
        return (first, end);
    }

    /// <summary>Throws unless the map is at the valid area's (the slice's) size.</summary>
    public static void RequireSameSize(ProbabilityMap map, ValidArea validArea)
    {
        if (map.Width != validArea.Width || map.Height != validArea.Height)
        {
            throw new ArgumentException($"the probability map is {map.Width}x{map.Height} but the slice is {validArea.Width}x{validArea.Height}; " +
                "post-processing runs at the slice's resolution (LesionScoring.Score takes the model's maps back to the slice)", nameof(map));
        }
    }
}
