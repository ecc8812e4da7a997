using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.PostProcessing;

/// <summary>
/// Steps 4 to 7 on one probability map: restrict to the valid area, threshold, 8-connected components larger than the
/// minimum size, boxes in original coordinates, quadrants, image decision. Works on a cached map without ML.NET; keeps
/// its buffers between calls, so it is not thread-safe: reuse one per thread.
/// </summary>
public sealed class SliceDetector
{
    private readonly ConnectedComponents _components = new();
    private byte[] _mask = [];
    private int[] _labels = [];
    private ComponentStatistics[] _statistics = [];

    /// <summary>Finds the boxes on <paramref name="map"/>, computed from a slice of <paramref name="geometry"/> whose lung fields are <paramref name="validArea"/>.</summary>
    /// <remarks>The map is not modified: pixels outside the valid area are ignored, as if zeroed. A slice whose valid area is empty has no box.</remarks>
    public SliceDetection Detect(ProbabilityMap map, ValidArea validArea, SliceGeometry geometry, LesionBoxOptions boxes, QuadrantOptions quadrants, ValidAreaRegion region = ValidAreaRegion.Rectangle)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(validArea);
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(quadrants);
        if (validArea.Width != geometry.Width || validArea.Height != geometry.Height)
        {
            throw new ArgumentException($"the valid area is {validArea.Width}x{validArea.Height} but the slice is {geometry.Width}x{geometry.Height}", nameof(validArea));
        }
        if (!(boxes.Threshold > 0 && boxes.Threshold <= 1)) throw new ArgumentOutOfRangeException(nameof(boxes), boxes.Threshold, "the threshold must be in (0, 1]");
        var n = map.Values.Length;
        Grow(n);
        var mask = _mask.AsSpan(0, n);
        var scaleX = (double)geometry.Width / map.Width;
        var scaleY = (double)geometry.Height / map.Height;
        Threshold(map, validArea, region, (float)boxes.Threshold, scaleX, scaleY, mask);
        var labels = _labels.AsSpan(0, n);
        var count = _components.Label(mask, map.Width, map.Height, labels, Connectivity.Eight);
        if (count == 0) return new SliceDetection([]);
        var statistics = Measure(map, labels, count);

        var pixelArea = geometry.HasSpacing ? geometry.ColumnSpacing * scaleX * geometry.RowSpacing * scaleY : (double?)null;
        if (boxes.MinAreaSquareMillimetres is not null && pixelArea is null)
        {
            throw new ArgumentException("a minimum area in mm² needs the slice's pixel spacing", nameof(geometry));
        }
        var (centreX, centreY) = quadrants.Centre == QuadrantCentre.ValidArea && validArea.Bounds is { } bounds
            ? (bounds.CentreX, bounds.CentreY)
            : (geometry.Width / 2.0, geometry.Height / 2.0);
        var found = new List<LesionBox>();
        for (var c = 1; c <= count; c++)
        {
            ref readonly var s = ref statistics[c];
            var large = boxes.MinAreaSquareMillimetres is { } minimumArea ? s.Pixels * pixelArea!.Value > minimumArea : s.Pixels > boxes.MinPixels;
            if (!large) continue;
            var rectangle = new ImageRectangle(s.MinX * scaleX, s.MinY * scaleY, (s.MaxX + 1) * scaleX, (s.MaxY + 1) * scaleY);
            var centroidX = (s.SumX / s.Pixels + 0.5) * scaleX;
            var centroidY = (s.SumY / s.Pixels + 0.5) * scaleY;
            var quadrant = quadrants.Assignment == QuadrantAssignment.Centroid
                ? QuadrantOf(centroidX, centroidY, centreX, centreY)
                : Overlapped(rectangle, centreX, centreY);
            found.Add(new LesionBox(rectangle, centroidX, centroidY, s.Pixels, s.Pixels * pixelArea, s.MaxProbability, s.SumProbability / s.Pixels, quadrant));
        }
        return new SliceDetection(found);
    }

    /// <summary>The quadrant holding a point, for a split at (<paramref name="centreX"/>, <paramref name="centreY"/>); points on a split line go right or down.</summary>
    public static Quadrant QuadrantOf(double x, double y, double centreX, double centreY) =>
        (x < centreX, y < centreY) switch
        {
            (true, true) => Quadrant.UpperLeft,
            (false, true) => Quadrant.UpperRight,
            (true, false) => Quadrant.LowerLeft,
            _ => Quadrant.LowerRight,
        };

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

    // A map pixel is judged at its centre, mapped to original coordinates. A rectangle (or the whole image) becomes a range
    // of map rows and columns, so the common case is a plain comparison per pixel.
    private static void Threshold(ProbabilityMap map, ValidArea validArea, ValidAreaRegion region, float threshold, double scaleX, double scaleY, Span<byte> mask)
    {
        mask.Clear();
        var values = map.Values;
        if (region == ValidAreaRegion.Mask)
        {
            for (var y = 0; y < map.Height; y++)
            {
                var row = y * map.Width;
                for (var x = 0; x < map.Width; x++)
                {
                    var i = row + x;
                    if (values[i] >= threshold && validArea.Includes(region, (x + 0.5) * scaleX, (y + 0.5) * scaleY)) mask[i] = 1;
                }
            }
            return;
        }
        var bounds = region == ValidAreaRegion.WholeImage ? new ImageRectangle(0, 0, validArea.Width, validArea.Height) : validArea.Bounds;
        if (bounds is not { } b) return;
        var (x0, x1) = CentresInside(b.Left, b.Right, scaleX, map.Width);
        var (y0, y1) = CentresInside(b.Top, b.Bottom, scaleY, map.Height);
        for (var y = y0; y < y1; y++)
        {
            var source = values.AsSpan(y * map.Width, map.Width);
            var target = mask.Slice(y * map.Width, map.Width);
            for (var x = x0; x < x1; x++) target[x] = source[x] >= threshold ? (byte)1 : (byte)0;
        }
    }

    // Map indices i with low <= (i + 0.5) * scale < high, as the half-open range [first, end).
    private static (int First, int End) CentresInside(double low, double high, double scale, int length)
    {
        var first = Math.Max(0, (int)Math.Ceiling(low / scale - 0.5));
        var end = Math.Min(length, (int)Math.Ceiling(high / scale - 0.5));
        return (first, Math.Max(first, end));
    }

    private ComponentStatistics[] Measure(ProbabilityMap map, ReadOnlySpan<int> labels, int count)
    {
        if (_statistics.Length < count + 1) _statistics = new ComponentStatistics[Math.Max(count + 1, _statistics.Length * 2)];
        var statistics = _statistics;
        for (var c = 1; c <= count; c++) statistics[c] = ComponentStatistics.Empty;
        var values = map.Values;
        for (var y = 0; y < map.Height; y++)
        {
            var row = y * map.Width;
            for (var x = 0; x < map.Width; x++)
            {
                var label = labels[row + x];
                if (label != 0) statistics[label].Add(x, y, values[row + x]);
            }
        }
        return statistics;
    }

    private void Grow(int n)
    {
        if (_mask.Length >= n) return;
        _mask = new byte[n];
        _labels = new int[n];
    }

    private struct ComponentStatistics
    {
        public static readonly ComponentStatistics Empty = new() { MinX = int.MaxValue, MinY = int.MaxValue, MaxX = -1, MaxY = -1 };

        public int Pixels, MinX, MinY, MaxX, MaxY;
        public double SumX, SumY, SumProbability, MaxProbability;

        public void Add(int x, int y, float probability)
        {
            Pixels++;
            if (x < MinX) MinX = x;
            if (x > MaxX) MaxX = x;
            if (y < MinY) MinY = y;
            if (y > MaxY) MaxY = y;
            SumX += x;
            SumY += y;
            SumProbability += probability;
            if (probability > MaxProbability) MaxProbability = probability;
        }
    }
}
