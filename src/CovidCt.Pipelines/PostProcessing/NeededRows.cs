using CovidCt.Imaging;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.PostProcessing;

/// <summary>
/// The rows of a map taken back to its slice that the box detector needs, computed by the one resize kernel
/// (<see cref="SliceResize.Rows"/>: each map row interpolated along x once, then one mix per slice row) into a buffer kept
/// from slice to slice; the other rows are not computed. A bilinear value is a mix of its four taps with weights in [0, 1],
/// so it is at most the mix of its two map rows' highest values, up to the rounding of the kernel's float operations (and,
/// tighter, of those rows' highest values along x, computed exactly for the rows the first bound does not rule out). So a
/// row whose bound lies below the threshold holds no pixel at it, and a row whose bound inside the valid area lies at or
/// below the highest value already found cannot raise the image score: every number the detector gives is the one the
/// whole map gives. Not thread-safe: one per detector.
/// </summary>
internal sealed class NeededRows
{
    // The kernel's six float operations per value round it by at most about 10 units in the last place of its taps' magnitude,
    // or by half the smallest subnormal each where results are that small; the bound adds 16 such units (2^-20 of the
    // magnitude) and 8 half-subnormals, so rounding can never lift a value past its bound. Taps that are all zero mix to
    // exactly zero: no margin then, so the many rows of a map that is zero there are not computed for the image score.
    private const double Rounding = 1.0 / (1 << 20);
    private const double Smallest = 4.0 * float.Epsilon;

    private readonly List<int> _rows = [];
    private float[] _values = [];
    private bool[] _computed = [];
    private float[] _high = [];
    private float[] _low = [];
    private float[] _highInside = [];
    private double[] _alongInside = [];
    private bool[] _alongKnown = [];
    private bool _bounded;
    private double[] _bounds = [];
    private int[] _order = [];
    private ProbabilityMap? _map;

    /// <summary>The map at the slice's resolution: only the rows <see cref="Computed"/> marks hold values of this slice.</summary>
    public ProbabilityMap Map => _map ?? throw new InvalidOperationException("no rows computed yet");

    /// <summary>One flag per slice row: true where the row was computed for this slice.</summary>
    public ReadOnlySpan<bool> Computed => _computed;

    /// <summary>The highest value inside the valid area (0 when none is above 0, or the area is empty), as the whole map gives it.</summary>
    public float MaxInside { get; private set; }

    /// <summary>
    /// Computes the rows of <paramref name="source"/> taken back to the slice by <paramref name="resize"/> that hold a value at or
    /// above <paramref name="threshold"/> (which must be above 0) anywhere on the slice, and those that can hold the highest
    /// value inside <paramref name="validArea"/> (<paramref name="region"/>).
    /// </summary>
    /// <exception cref="ArgumentException">When the valid area is not of the slice's size.</exception>
    public void Compute(SliceResize resize, ProbabilityMap source, ValidArea validArea, ValidAreaRegion region, float threshold)
    {
        Prepare(resize);
        var map = Map;
        ValidAreaComponents.RequireSameSize(map, validArea);
        var mask = region == ValidAreaRegion.Mask ? validArea.Mask : null;
        var (x0, y0, x1, y1) = mask is null ? ValidAreaComponents.Rectangle(map, validArea, region) : (0, 0, map.Width, map.Height);
        RowExtremes(resize, source, x0, x1);

        // Every row that can hold a pixel at the threshold: the components, their sums and maxima, and the count of such pixels.
        var taps = resize.RowTaps;
        for (var y = 0; y < map.Height; y++)
        {
            if (!(Bound(taps, y, _high[taps.Lower[y]], _high[taps.Upper[y]]) < threshold)) _rows.Add(y);
        }
        using var kernel = resize.Rows(source);
        var best = 0f;
        foreach (var y in _rows)
        {
            kernel.Row(y, _values.AsSpan(y * map.Width, map.Width));
            _computed[y] = true;
            if (y >= y0 && y < y1) best = HighestInside(y, x0, x1, mask, best);
        }

        // Then the rows inside the valid area that may still hold a higher value, the most promising first, until none can.
        // The map rows' highest values rule most rows out at once; the rest are judged on their rows along x (Along). A row
        // with the taps of the row above holds the same floats (a body frame clamps every slice row beyond it to its edge), so
        // inside a rectangle only the first of such rows is looked at.
        var count = 0;
        for (var y = y0; y < y1; y++)
        {
            if (_computed[y] || (mask is not null && !mask.AsSpan(y * map.Width, map.Width).ContainsAnyExcept((byte)0))) continue;
            if (mask is null && y > y0 && SameTaps(taps, y, y - 1)) continue;
            var (a, b) = (taps.Lower[y], taps.Upper[y]);
            if (Bound(taps, y, _highInside[a], _highInside[b]) <= best) continue;
            Along(resize, source, a, x0, x1);
            Along(resize, source, b, x0, x1);
            var bound = Bound(taps, y, _alongInside[a], _alongInside[b]);
            if (bound <= best) continue;
            (_bounds[count], _order[count]) = (double.IsNaN(bound) ? double.PositiveInfinity : bound, y);
            count++;
        }
        Array.Sort(_bounds, _order, 0, count);
        for (var i = count - 1; i >= 0 && _bounds[i] > best; i--)
        {
            var y = _order[i];
            kernel.Row(y, _values.AsSpan(y * map.Width, map.Width));
            _computed[y] = true;
            _rows.Add(y);
            best = HighestInside(y, x0, x1, mask, best);
        }
        MaxInside = best;
    }

    /// <summary>How many pixels of the slice are at or above <paramref name="threshold"/> (at least the one <see cref="Compute"/> used); NaN is not.</summary>
    public long CountAtLeast(float threshold)
    {
        var width = Map.Width;
        var count = 0L;
        foreach (var y in _rows) count += PixelScan.CountAtLeast(_values.AsSpan(y * width, width), threshold);
        return count;
    }

    // Buffers for this slice size (kept while slices keep their size), no row computed yet.
    private void Prepare(SliceResize resize)
    {
        var (width, height) = (resize.Width, resize.Height);
        if (_map is null || _map.Width != width || _map.Height != height)
        {
            _values = new float[width * height];
            _map = new ProbabilityMap(width, height, _values);
            (_computed, _bounds, _order) = (new bool[height], new double[height], new int[height]);
        }
        else
        {
            foreach (var y in _rows) _computed[y] = false;
        }
        _rows.Clear();
        var rows = resize.SourceHeight;
        if (_high.Length < rows)
        {
            (_high, _low, _highInside) = (new float[rows], new float[rows], new float[rows]);
            (_alongInside, _alongKnown) = (new double[rows], new bool[rows]);
        }
        _alongKnown.AsSpan(0, rows).Clear();
    }

    // Per map row: the highest and lowest value among the columns any slice column reads, and the highest among those the
    // valid area's columns [x0, x1) read (none: -infinity). NaN is skipped: it never reaches a threshold or a maximum.
    private void RowExtremes(SliceResize resize, ProbabilityMap source, int x0, int x1)
    {
        var values = source.Values;
        _bounded = true;
        var (all, inside) = (Reach(resize.Columns, 0, resize.Width), Reach(resize.Columns, x0, x1));
        for (var r = 0; r < resize.SourceHeight; r++)
        {
            var row = values.AsSpan(r * resize.SourceWidth, resize.SourceWidth);
            _high[r] = PixelScan.Highest(row[all], float.NegativeInfinity);
            _low[r] = PixelScan.Lowest(row[all], float.PositiveInfinity);
            _highInside[r] = PixelScan.Highest(row[inside], float.NegativeInfinity);
        }
    }

    // The map columns slice columns [first, end) mix. A weight outside [0, 1] would extrapolate: then no bound holds.
    private Range Reach(ResizeTaps columns, int first, int end)
    {
        if (first >= end) return 0..0;
        var (low, high) = (int.MaxValue, -1);
        for (var x = first; x < end; x++)
        {
            _bounded &= columns.Weight[x] >= 0 && columns.Weight[x] <= 1;
            low = Math.Min(low, Math.Min(columns.Lower[x], columns.Upper[x]));
            high = Math.Max(high, Math.Max(columns.Lower[x], columns.Upper[x]));
        }
        return low..(high + 1);
    }

    // Map row r along x, exactly (in double): its highest value over the valid area's slice columns [x0, x1).
    // Tighter than the row's highest value: a slice column mixes two map columns, so it reaches their highest only where its
    // weight puts it on that column.
    private void Along(SliceResize resize, ProbabilityMap source, int r, int x0, int x1)
    {
        if (_alongKnown[r]) return;
        var row = source.Values.AsSpan(r * resize.SourceWidth, resize.SourceWidth);
        var columns = resize.Columns;
        var inside = double.NegativeInfinity;
        for (var x = x0; x < x1; x++)
        {
            var (a, b, w) = (row[columns.Lower[x]], row[columns.Upper[x]], columns.Weight[x]);
            var v = w == 0 ? a : w == 1 ? b : (1 - (double)w) * a + w * (double)b;
            if (v > inside) inside = v;
        }
        (_alongInside[r], _alongKnown[r]) = (inside, true);
    }

    // The most a value of slice row y can be when its two map rows reach at most `upper` and `lower` along x: their mix with
    // the row weight, plus the rounding margin (from the rows' magnitude). NaN (infinities of both signs met) and a weight
    // outside [0, 1] mean no bound.
    private double Bound(ResizeTaps rows, int y, double upper, double lower)
    {
        var (a, b, w) = (rows.Lower[y], rows.Upper[y], rows.Weight[y]);
        if (!_bounded || !(w >= 0 && w <= 1)) return double.PositiveInfinity;
        var mix = w == 0 ? upper : w == 1 ? lower : (1 - (double)w) * upper + w * lower;
        var magnitude = Math.Max(Math.Max(Math.Abs(_high[a]), Math.Abs(_low[a])), Math.Max(Math.Abs(_high[b]), Math.Abs(_low[b])));
        return magnitude == 0 ? mix : mix + magnitude * Rounding + Smallest;
    }

    private static bool SameTaps(ResizeTaps rows, int y, int other) =>
        rows.Lower[y] == rows.Lower[other] && rows.Upper[y] == rows.Upper[other] && rows.Weight[y].Equals(rows.Weight[other]);

    // The highest of `best` and row y's values inside the valid area: the columns [x0, x1), or the mask's pixels.
    private float HighestInside(int y, int x0, int x1, byte[]? mask, float best) =>
        ValidAreaComponents.HighestInRow(_values, Map.Width, y, x0, x1, mask, best);
}
