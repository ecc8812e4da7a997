using System.Numerics;

namespace CovidCt.Imaging;

/// <summary>
/// The 8-connected components of {p ≥ t} inside the valid area for several thresholds t in one pass: a max-tree cut at those
/// levels. Pixels at or above the lowest threshold are collected once (a vectorised scan), grouped by the highest threshold
/// they reach, and added level by level from the highest threshold down with union-find, so a component at a lower
/// threshold is the union of the components above it plus the pixels new at that level. Work grows with the number of
/// candidate pixels, not with map size times thresholds. One threshold gives the study's single labelling, which is how the
/// box detector uses it; the sweep uses many. Keeps its buffers between calls: not thread-safe, reuse one per thread.
/// </summary>
internal sealed class NestedComponents
{
    private readonly List<ComponentSummary> _components = [];
    private readonly List<(int First, ComponentSummary Summary)> _roots = [];
    private int[] _ordinalOf = [];
    private int[] _pixelOf = [];
    private byte[] _levelOf = [];
    private int[] _byLevel = [];
    private int[] _parent = [];
    private Accumulator[] _statistics = [];
    private int[] _groupEnd = [];
    private int[] _levelEnd = [];
    private int _candidates;

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
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_components)[start.._levelEnd[level]];
    }

    /// <summary>
    /// Finds the components of the <paramref name="width"/> x <paramref name="height"/> map <paramref name="values"/> (row-major)
    /// at every threshold of <paramref name="thresholds"/> (strictly descending, each in (0, 1]). A pixel takes part when its
    /// value is at least the threshold, it lies in the columns [<paramref name="firstColumn"/>, <paramref name="endColumn"/>)
    /// and rows [<paramref name="firstRow"/>, <paramref name="endRow"/>), and <paramref name="includes"/> (column, row) holds
    /// when it is given; NaN never takes part.
    /// </summary>
    /// <exception cref="ArgumentException">When the thresholds are empty, more than 255, out of range or not strictly descending.</exception>
    public void Find(float[] values, int width, int height, int firstColumn, int endColumn, int firstRow, int endRow, Func<int, int, bool>? includes, ReadOnlySpan<float> thresholds)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != width * height) throw new ArgumentException($"{values.Length} values do not fill {width}x{height}", nameof(values));
        CheckThresholds(thresholds);
        Prepare(values.Length, thresholds.Length);
        try
        {
            if (includes is null)
            {
                for (var y = firstRow; y < endRow; y++) CollectRow(values, y * width + firstColumn, endColumn - firstColumn, thresholds);
            }
            else
            {
                CollectWhere(values, width, firstColumn, endColumn, firstRow, endRow, includes, thresholds);
            }
            GroupByLevel();
            Merge(values, width, height);
        }
        finally
        {
            for (var o = 0; o < _candidates; o++) _ordinalOf[_pixelOf[o]] = -1;
        }
    }

    private static void CheckThresholds(ReadOnlySpan<float> thresholds)
    {
        if (thresholds.Length is 0 or > 255) throw new ArgumentException($"{thresholds.Length} thresholds; expected 1 to 255", nameof(thresholds));
        for (var i = 0; i < thresholds.Length; i++)
        {
            if (!(thresholds[i] > 0 && thresholds[i] <= 1)) throw new ArgumentException($"threshold {thresholds[i]} is outside (0, 1]", nameof(thresholds));
            if (i > 0 && !(thresholds[i] < thresholds[i - 1])) throw new ArgumentException("thresholds must be strictly descending", nameof(thresholds));
        }
    }

    // Candidates in scan order: ordinal o is the o-th pixel (row by row) at or above the lowest threshold.
    private void CollectWhere(float[] values, int width, int firstColumn, int endColumn, int firstRow, int endRow, Func<int, int, bool> includes, ReadOnlySpan<float> thresholds)
    {
        var lowest = thresholds[^1];
        for (var y = firstRow; y < endRow; y++)
        {
            for (var x = firstColumn; x < endColumn; x++)
            {
                var i = y * width + x;
                if (values[i] >= lowest && includes(x, y)) Add(i, values[i], thresholds);
            }
        }
    }

    // Most pixels are far below every threshold: skip whole vectors of them.
    private void CollectRow(float[] values, int start, int length, ReadOnlySpan<float> thresholds)
    {
        var row = values.AsSpan(start, length);
        var lowest = thresholds[^1];
        var x = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var low = new Vector<float>(lowest);
            for (; x + Vector<float>.Count <= row.Length; x += Vector<float>.Count)
            {
                if (!Vector.GreaterThanOrEqualAny(new Vector<float>(row[x..]), low)) continue;
                for (var j = x; j < x + Vector<float>.Count; j++)
                {
                    if (row[j] >= lowest) Add(start + j, row[j], thresholds);
                }
            }
        }
        for (; x < row.Length; x++)
        {
            if (row[x] >= lowest) Add(start + x, row[x], thresholds);
        }
    }

    private void Add(int pixel, float value, ReadOnlySpan<float> thresholds)
    {
        var level = 0;
        while (value < thresholds[level]) level++;
        var o = _candidates++;
        if (o == _pixelOf.Length) GrowCandidates();
        _pixelOf[o] = pixel;
        _levelOf[o] = (byte)level;
        _ordinalOf[pixel] = o;
    }

    // A counting sort by level; within a level the scan order is kept.
    private void GroupByLevel()
    {
        var end = _groupEnd.AsSpan(0, LevelCount);
        end.Clear();
        for (var o = 0; o < _candidates; o++) end[_levelOf[o]]++;
        for (var l = 1; l < end.Length; l++) end[l] += end[l - 1];
        Span<int> next = stackalloc int[LevelCount];
        for (var l = 0; l < next.Length; l++) next[l] = l == 0 ? 0 : end[l - 1];
        for (var o = 0; o < _candidates; o++) _byLevel[next[_levelOf[o]]++] = o;
    }

    // Level by level from the highest threshold: each new pixel joins its already active 8-neighbours.
    private void Merge(float[] values, int width, int height)
    {
        _parent.AsSpan(0, _candidates).Fill(-1);
        var start = 0;
        for (var level = 0; level < LevelCount; level++)
        {
            var end = _groupEnd[level];
            for (var i = start; i < end; i++)
            {
                var o = _byLevel[i];
                var pixel = _pixelOf[o];
                var (x, y) = (pixel % width, pixel / width);
                _parent[o] = o;
                _statistics[o] = new Accumulator(o, x, y, values[pixel]);
                for (var ny = Math.Max(0, y - 1); ny <= Math.Min(height - 1, y + 1); ny++)
                {
                    for (var nx = Math.Max(0, x - 1); nx <= Math.Min(width - 1, x + 1); nx++)
                    {
                        var neighbour = _ordinalOf[ny * width + nx];
                        if (neighbour >= 0 && neighbour != o && _parent[neighbour] >= 0) Union(o, neighbour);
                    }
                }
            }
            Snapshot(end);
            _levelEnd[level] = _components.Count;
            start = end;
        }
    }

    private void Snapshot(int active)
    {
        _roots.Clear();
        for (var i = 0; i < active; i++)
        {
            var o = _byLevel[i];
            if (_parent[o] == o) _roots.Add((_statistics[o].First, _statistics[o].Summary()));
        }
        _roots.Sort((a, b) => a.First.CompareTo(b.First));
        foreach (var (_, summary) in _roots) _components.Add(summary);
    }

    private void Union(int a, int b)
    {
        var (ra, rb) = (Root(a), Root(b));
        if (ra == rb) return;
        if (_statistics[ra].Pixels < _statistics[rb].Pixels) (ra, rb) = (rb, ra);
        _parent[rb] = ra;
        _statistics[ra].Merge(in _statistics[rb]);
    }

    private int Root(int o)
    {
        while (_parent[o] != o)
        {
            _parent[o] = _parent[_parent[o]];
            o = _parent[o];
        }
        return o;
    }

    private void Prepare(int pixels, int levels)
    {
        if (_ordinalOf.Length < pixels)
        {
            _ordinalOf = new int[pixels];
            _ordinalOf.AsSpan().Fill(-1);
        }
        if (_levelEnd.Length < levels)
        {
            _levelEnd = new int[levels];
            _groupEnd = new int[levels];
        }
        LevelCount = levels;
        _candidates = 0;
        _components.Clear();
    }

    private void GrowCandidates()
    {
        var size = Math.Max(1024, _pixelOf.Length * 2);
        Array.Resize(ref _pixelOf, size);
        Array.Resize(ref _levelOf, size);
        _byLevel = new int[size];
        _parent = new int[size];
        _statistics = new Accumulator[size];
    }

    private struct Accumulator(int first, int x, int y, float probability)
    {
        public int First = first, Pixels = 1, MinX = x, MinY = y, MaxX = x, MaxY = y;
        public long SumX = x, SumY = y;
        public double SumProbability = probability;
        public float MaxProbability = probability;

        public void Merge(in Accumulator other)
        {
            First = Math.Min(First, other.First);
            Pixels += other.Pixels;
            MinX = Math.Min(MinX, other.MinX);
            MinY = Math.Min(MinY, other.MinY);
            MaxX = Math.Max(MaxX, other.MaxX);
            MaxY = Math.Max(MaxY, other.MaxY);
            SumX += other.SumX;
            SumY += other.SumY;
            SumProbability += other.SumProbability;
            MaxProbability = Math.Max(MaxProbability, other.MaxProbability);
        }

        public readonly ComponentSummary Summary() => new(Pixels, MinX, MinY, MaxX, MaxY, SumX, SumY, MaxProbability, SumProbability);
    }
}
