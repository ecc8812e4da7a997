using System.Numerics;
using System.Runtime.InteropServices;

namespace CovidCt.Imaging;

/// <summary>
/// The 8-connected components of {p ≥ t} inside the valid area for several thresholds t: the box detector runs it with the
/// study's one threshold, the sweep with many. A thin wrapper over the imaging core's one labeller, <see cref="RowRuns"/>:
/// each threshold is one run labelling, and the span of each row that holds pixels at or above the lowest threshold is found
/// once (a vectorised scan), so every threshold reads only those spans and the work grows with the candidate pixels, not
/// with map size times thresholds. Keeps its buffers between calls: not thread-safe, reuse one per thread.
/// </summary>
internal sealed class NestedComponents
{
    private readonly RowRuns _runs = new();
    private readonly List<ComponentSummary> _components = [];
    private int[] _levelEnd = [];
    private int[] _from = [];
    private int[] _to = [];
    private float[] _included = [];

    /// <summary>How many thresholds the last <see cref="Find"/> used.</summary>
    public int LevelCount { get; private set; }

    /// <summary>
    /// The components at threshold <paramref name="level"/> of the last <see cref="Find"/> (0 = the highest threshold), in scan
    /// order of their first pixel (row by row, as a scanline labeller numbers them).
    /// </summary>
    public ReadOnlySpan<ComponentSummary> At(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, LevelCount);
        var start = level == 0 ? 0 : _levelEnd[level - 1];
        return CollectionsMarshal.AsSpan(_components)[start.._levelEnd[level]];
    }

    /// <summary>
    /// Finds the components of the <paramref name="width"/> x <paramref name="height"/> map <paramref name="values"/> (row-major)
    /// at every threshold of <paramref name="thresholds"/> (strictly descending, each in (0, 1]). A pixel takes part when its
    /// value is at least the threshold, it lies in the columns [<paramref name="firstColumn"/>, <paramref name="endColumn"/>)
    /// and rows [<paramref name="firstRow"/>, <paramref name="endRow"/>), and <paramref name="includes"/> (column, row) holds
    /// when it is given; NaN never takes part. When <paramref name="computedRows"/> is not empty, only the rows it marks are read:
    /// the others were not computed (a map taken back to its slice computes only rows that can hold a pixel at the lowest
    /// threshold) and hold no candidate.
    /// </summary>
    /// <exception cref="ArgumentException">When the thresholds are empty, out of range or not strictly descending, or <paramref name="computedRows"/> is neither empty nor one flag per row.</exception>
    public void Find(float[] values, int width, int height, int firstColumn, int endColumn, int firstRow, int endRow, Func<int, int, bool>? includes, ReadOnlySpan<float> thresholds,
        ReadOnlySpan<bool> computedRows = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != width * height) throw new ArgumentException($"{values.Length} values do not fill {width}x{height}", nameof(values));
        if (!computedRows.IsEmpty && computedRows.Length != height) throw new ArgumentException($"{computedRows.Length} row flags for {height} rows", nameof(computedRows));
        CheckThresholds(thresholds);
        LevelCount = thresholds.Length;
        if (_levelEnd.Length < LevelCount) _levelEnd = new int[LevelCount];
        _components.Clear();
        var source = includes is null ? values : Included(values, width, firstColumn, endColumn, firstRow, endRow, includes, thresholds[^1], computedRows);
        Candidates(source, width, height, firstColumn, endColumn, firstRow, endRow, thresholds[^1], computedRows);
        for (var level = 0; level < LevelCount; level++)
        {
            _runs.SetAtLeast(source, width, height, thresholds[level], _from, _to);
            _runs.Label(Connectivity.Eight);
            _runs.Summarise(source, _components);
            _levelEnd[level] = _components.Count;
        }
    }

    private static void CheckThresholds(ReadOnlySpan<float> thresholds)
    {
        if (thresholds.IsEmpty) throw new ArgumentException("no thresholds; expected at least one", nameof(thresholds));
        for (var i = 0; i < thresholds.Length; i++)
        {
            if (!(thresholds[i] > 0 && thresholds[i] <= 1)) throw new ArgumentException($"threshold {thresholds[i]} is outside (0, 1]", nameof(thresholds));
            if (i > 0 && !(thresholds[i] < thresholds[i - 1])) throw new ArgumentException("thresholds must be strictly descending", nameof(thresholds));
        }
    }

    // The map with the candidates outside the region set to NaN (which never takes part); only candidates ask the region.
    private float[] Included(float[] values, int width, int firstColumn, int endColumn, int firstRow, int endRow, Func<int, int, bool> includes, float lowest,
        ReadOnlySpan<bool> computedRows)
    {
        if (_included.Length < values.Length) _included = new float[values.Length];
        var included = _included;
        for (var y = firstRow; y < endRow; y++)
        {
            if (!computedRows.IsEmpty && !computedRows[y]) continue;
            for (var x = firstColumn; x < endColumn; x++)
            {
                var i = y * width + x;
                included[i] = values[i] >= lowest && !includes(x, y) ? float.NaN : values[i];
            }
        }
        return included;
    }

    // Per row, the columns [from, to) from the first to one past the last pixel at or above the lowest threshold (none
    // outside the rectangle). Most of a map is far below every threshold, so whole vectors of it are skipped at once.
    private void Candidates(float[] values, int width, int height, int firstColumn, int endColumn, int firstRow, int endRow, float lowest, ReadOnlySpan<bool> computedRows)
    {
        if (_from.Length < height) (_from, _to) = (new int[height], new int[height]);
        _from.AsSpan(0, height).Clear();
        _to.AsSpan(0, height).Clear();
        for (var y = firstRow; y < endRow; y++)
        {
            if (!computedRows.IsEmpty && !computedRows[y]) continue;
            var row = values.AsSpan(y * width + firstColumn, endColumn - firstColumn);
            var first = FirstAtLeast(row, lowest);
            if (first == row.Length) continue;
            _from[y] = firstColumn + first;
            _to[y] = firstColumn + LastAtLeast(row, lowest) + 1;
        }
    }

    private static int FirstAtLeast(ReadOnlySpan<float> row, float lowest)
    {
        var x = 0;
        var low = new Vector<float>(lowest);
        for (; x + Vector<float>.Count <= row.Length && !Vector.GreaterThanOrEqualAny(new Vector<float>(row[x..]), low); x += Vector<float>.Count) { }
        for (; x < row.Length && !(row[x] >= lowest); x++) { }
        return x;
    }

    // Called only on a row that holds a candidate.
    private static int LastAtLeast(ReadOnlySpan<float> row, float lowest)
    {
        var end = row.Length;
        var low = new Vector<float>(lowest);
        for (; end >= Vector<float>.Count && !Vector.GreaterThanOrEqualAny(new Vector<float>(row[(end - Vector<float>.Count)..]), low); end -= Vector<float>.Count) { }
        var x = end - 1;
        for (; !(row[x] >= lowest); x--) { }
        return x;
    }
}
