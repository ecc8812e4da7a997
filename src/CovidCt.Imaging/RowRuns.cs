using System.Numerics;
using System.Runtime.CompilerServices;

namespace CovidCt.Imaging;

/// <summary>
/// The foreground of a binary image, or of a stack of slices, as horizontal runs, row by row, with connected components
/// found by union-find over runs instead of pixels: the platform's one component labeller, in 2D and, linking runs of
/// neighbouring slices, in 3D. A CT slice has a handful of air runs per row where it has hundreds of pixels, which is what
/// makes the HU lung segmentation cheap next to the model. Rows are numbered slice after slice (row z · height + y), so a
/// volume stored slice-major maps onto them directly. The lung fields, the lesion matcher and, through
/// <see cref="NestedComponents"/>, the box detector and the sweep all label with it. Keeps its buffers between calls; not thread-safe.
/// </summary>
internal sealed class RowRuns
{
    private int[] _rowStart = [];
    private int[] _start = new int[256];
    private int[] _end = new int[256];
    private int[] _root = new int[256];
    private int[] _number = [];
    private Accumulator[] _sums = [];

    /// <summary>Columns of the image.</summary>
    public int Width { get; private set; }

    /// <summary>Rows of each slice.</summary>
    public int Height { get; private set; }

    /// <summary>Slices (1 for an image).</summary>
    public int Depth { get; private set; }

    /// <summary>Runs in all rows.</summary>
    public int Count { get; private set; }

    /// <summary>After <see cref="Label"/>: the component of run <paramref name="run"/>, named by its first run in scan order.</summary>
    public int Root(int run) => _root[run];

    // Per-slice kernels are compiled fully optimised at their first call: docs/pipeline.md, "Speed", says why.
    /// <summary>
    /// Runs of the pixels whose value is below <paramref name="threshold"/> (NaN is not below anything), in
    /// <paramref name="depth"/> slices of <paramref name="width"/> x <paramref name="height"/> pixels (slice-major, row-major).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetBelow(ReadOnlySpan<float> values, int width, int height, int depth, float threshold)
    {
        if (values.Length != width * height * depth) throw new ArgumentException($"{values.Length} values do not fill {width}x{height}x{depth}", nameof(values));
        Reset(width, height, depth);
        var rows = height * depth;
        for (var y = 0; y < rows; y++)
        {
            _rowStart[y] = Count;
            AddRuns<Below>(values.Slice(y * width, width), 0, threshold);
        }
        _rowStart[rows] = Count;
    }

    /// <summary>
    /// Runs of the pixels of one <paramref name="width"/> x <paramref name="height"/> image whose value is at least
    /// <paramref name="threshold"/> (NaN never is), looking in row y only at the columns [<paramref name="from"/>[y], <paramref name="to"/>[y]).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetAtLeast(ReadOnlySpan<float> values, int width, int height, float threshold, ReadOnlySpan<int> from, ReadOnlySpan<int> to)
    {
        if (values.Length != width * height) throw new ArgumentException($"{values.Length} values do not fill {width}x{height}", nameof(values));
        Reset(width, height, 1);
        for (var y = 0; y < height; y++)
        {
            _rowStart[y] = Count;
            if (from[y] < to[y]) AddRuns<AtLeast>(values.Slice(y * width, to[y]), from[y], threshold);
        }
        _rowStart[height] = Count;
    }

    /// <summary>Runs of the non-zero pixels of one <paramref name="width"/> x <paramref name="height"/> byte mask (a lesion mask, true or simulated).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetNonZero(ReadOnlySpan<byte> mask, int width, int height)
    {
        if (mask.Length != width * height) throw new ArgumentException($"{mask.Length} mask bytes do not fill {width}x{height}", nameof(mask));
        Reset(width, height, 1);
        for (var y = 0; y < height; y++)
        {
            _rowStart[y] = Count;
            var row = mask.Slice(y * width, width);
            for (var x = 0; x < width;)
            {
                var start = row[x..].IndexOfAnyExcept((byte)0);
                if (start < 0) break;
                start += x;
                var length = row[start..].IndexOf((byte)0);
                x = length < 0 ? width : start + length;
                Add(start, x);
            }
        }
        _rowStart[height] = Count;
    }

    /// <summary>Runs of the pixels of <paramref name="source"/>'s image that none of its runs covers (the background).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetGaps(RowRuns source)
    {
        Reset(source.Width, source.Height, source.Depth);
        for (var y = 0; y < Rows; y++)
        {
            _rowStart[y] = Count;
            var x = 0;
            for (var r = source._rowStart[y]; r < source._rowStart[y + 1]; r++)
            {
                if (source._start[r] > x) Add(x, source._start[r]);
                x = source._end[r];
            }
            if (x < Width) Add(x, Width);
        }
        _rowStart[Rows] = Count;
    }

    /// <summary>A new instance holding only the runs for which <paramref name="selected"/> is true.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RowRuns Select(ReadOnlySpan<bool> selected)
    {
        var copy = new RowRuns();
        copy.Reset(Width, Height, Depth);
        for (var y = 0; y < Rows; y++)
        {
            copy._rowStart[y] = copy.Count;
            for (var r = _rowStart[y]; r < _rowStart[y + 1]; r++)
            {
                if (selected[r]) copy.Add(_start[r], _end[r]);
            }
        }
        copy._rowStart[Rows] = copy.Count;
        return copy;
    }

    /// <summary>
    /// The smallest rectangle of pixels holding every run of every slice, as columns [Left, Right) and rows [Top, Bottom) of a
    /// slice, or null when there is no run.
    /// </summary>
    public (int Left, int Top, int Right, int Bottom)? Bounds()
    {
        if (Count == 0) return null;
        int left = Width, right = 0, top = Height, bottom = 0;
        for (var row = 0; row < Rows; row++)
        {
            if (_rowStart[row] == _rowStart[row + 1]) continue;
            var y = row % Height;
            top = Math.Min(top, y);
            bottom = Math.Max(bottom, y + 1);
            left = Math.Min(left, _start[_rowStart[row]]);  // runs of a row are in column order
            right = Math.Max(right, _end[_rowStart[row + 1] - 1]);
        }
        return (left, top, right, bottom);
    }

    /// <summary>
    /// Joins runs of consecutive rows of a slice that touch (overlapping columns for <see cref="Connectivity.Four"/>, also
    /// diagonally adjacent ones for <see cref="Connectivity.Eight"/>) and, when <paramref name="linkSlices"/> is set, runs of
    /// the same row in neighbouring slices whose columns overlap (face neighbours across slices: with
    /// <see cref="Connectivity.Four"/> this is the 6-connected 3D labelling). Afterwards <see cref="Root"/> names each run's
    /// component.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Label(Connectivity connectivity, bool linkSlices = false)
    {
        for (var r = 0; r < Count; r++) _root[r] = r;
        var reach = connectivity == Connectivity.Eight ? 1 : 0;
        for (var row = 0; row < Rows; row++)
        {
            if (row % Height != 0) Join(row, row - 1, reach);
            if (linkSlices && row >= Height) Join(row, row - Height, 0);
        }
        // Roots precede their members, so one pass in scan order leaves every run pointing at its root.
        for (var r = 0; r < Count; r++) _root[r] = _root[_root[r]];
    }

    /// <summary>
    /// After <see cref="Label"/>: pixels of each component and whether it touches the border of a slice (the first or last row
    /// or column; the first and last slices are not a border), at its root's index (other entries are 0 and false).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Measure(Span<int> pixels, Span<bool> touchesBorder)
    {
        pixels[..Count].Clear();
        touchesBorder[..Count].Clear();
        for (var y = 0; y < Rows; y++)
        {
            var borderRow = y % Height == 0 || y % Height == Height - 1;
            for (var r = _rowStart[y]; r < _rowStart[y + 1]; r++)
            {
                var root = _root[r];
                pixels[root] += _end[r] - _start[r];
                touchesBorder[root] |= borderRow || _start[r] == 0 || _end[r] == Width;
            }
        }
    }

    /// <summary>
    /// After <see cref="Label"/> on one image: appends each component's statistics to <paramref name="into"/>, in order of its
    /// root run (scan order of its first pixel), with the probabilities read from <paramref name="values"/>, the image the runs
    /// were made of, and summed in scan order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Summarise(ReadOnlySpan<float> values, List<ComponentSummary> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (Depth != 1) throw new InvalidOperationException($"component statistics are per image; these runs hold {Depth} slices");
        if (_sums.Length < Count) _sums = new Accumulator[_start.Length];
        for (var y = 0; y < Height; y++)
        {
            for (var r = _rowStart[y]; r < _rowStart[y + 1]; r++)
            {
                var root = _root[r];
                // A root is its component's first run in scan order, so it starts the sums before any other run adds to them.
                if (root == r) _sums[r] = new Accumulator(_start[r], y);
                _sums[root].Add(y, _start[r], _end[r], values.Slice(y * Width + _start[r], _end[r] - _start[r]));
            }
        }
        for (var r = 0; r < Count; r++)
        {
            if (_root[r] == r) into.Add(_sums[r].Summary());
        }
    }

    /// <summary>
    /// The first column of <paramref name="row"/> (numbered slice after slice) that no run covers and one past the last such
    /// column, or null when runs cover the whole row: the extent of the background (for air runs, of the tissue) in that row.
    /// </summary>
    public (int First, int End)? GapExtent(int row)
    {
        int first = 0, end = Width, r = _rowStart[row], last = _rowStart[row + 1] - 1;
        // Runs of a row are in column order and never touch, so only a run at either end of the row moves the extent.
        if (r <= last && _start[r] == 0) first = _end[r];
        if (r <= last && _end[last] == Width) end = _start[last];
        return first < end ? (first, end) : null;
    }

    /// <summary>
    /// After <see cref="Label"/>: for each component, at its root's index, how many of its pixels lie in columns
    /// [<paramref name="from"/>[row], <paramref name="to"/>[row]) of their row (rows numbered slice after slice); other entries are 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void MeasureWithin(ReadOnlySpan<int> from, ReadOnlySpan<int> to, Span<int> pixels)
    {
        pixels[..Count].Clear();
        for (var y = 0; y < Rows; y++)
        {
            for (var r = _rowStart[y]; r < _rowStart[y + 1]; r++)
            {
                pixels[_root[r]] += Math.Max(0, Math.Min(_end[r], to[y]) - Math.Max(_start[r], from[y]));
            }
        }
    }

    /// <summary>Sets to 1 the pixels of <paramref name="mask"/> under every run for which <paramref name="selected"/> is true (every run when it is empty).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Paint(Span<byte> mask, ReadOnlySpan<bool> selected = default)
    {
        var all = selected.IsEmpty;
        for (var y = 0; y < Rows; y++)
        {
            var row = mask.Slice(y * Width, Width);
            for (var r = _rowStart[y]; r < _rowStart[y + 1]; r++)
            {
                if (all || selected[r]) row[_start[r].._end[r]].Fill(1);
            }
        }
    }

    /// <summary>
    /// After <see cref="Label"/>: writes into <paramref name="labels"/> each pixel's component, numbered 0, 1, ... in scan order of
    /// its first run, and -1 for the background, in one pass over the runs; returns the number of components.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int PaintLabels(Span<int> labels)
    {
        if (_number.Length < Count) _number = new int[_root.Length];
        labels[..(Rows * Width)].Fill(-1);
        var count = 0;
        for (var y = 0; y < Rows; y++)
        {
            var row = labels.Slice(y * Width, Width);
            for (var r = _rowStart[y]; r < _rowStart[y + 1]; r++)
            {
                // A root is its component's first run in scan order, so it is numbered before any other run of its component.
                var number = _root[r] == r ? _number[r] = count++ : _number[_root[r]];
                row[_start[r].._end[r]].Fill(number);
            }
        }
        return count;
    }

    /// <summary>
    /// After <see cref="PaintLabels"/> on one image: each component's pixels and bounding box (<paramref name="left"/> and
    /// <paramref name="top"/> its first column and row, <paramref name="right"/> and <paramref name="bottom"/> one past its last),
    /// at the number <see cref="PaintLabels"/> gave it, read from the runs rather than from the painted pixels.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Extents(Span<int> pixels, Span<int> left, Span<int> top, Span<int> right, Span<int> bottom)
    {
        if (Depth != 1) throw new InvalidOperationException($"extents are per image; these runs hold {Depth} slices");
        for (var y = 0; y < Height; y++)
        {
            for (var r = _rowStart[y]; r < _rowStart[y + 1]; r++)
            {
                var n = _number[_root[r]];
                // A component's first run comes first in scan order: it sets the extents the later runs widen.
                if (_root[r] == r) (pixels[n], left[n], top[n], right[n], bottom[n]) = (0, _start[r], y, _end[r], y + 1);
                pixels[n] += _end[r] - _start[r];
                left[n] = Math.Min(left[n], _start[r]);
                right[n] = Math.Max(right[n], _end[r]);
                bottom[n] = y + 1;
            }
        }
    }

    // Unions the runs of row i with the runs of row j that touch them (reach 1 also joins diagonal neighbours).
    private void Join(int rowI, int rowJ, int reach)
    {
        int i = _rowStart[rowI], iEnd = _rowStart[rowI + 1], j = _rowStart[rowJ], jEnd = _rowStart[rowJ + 1];
        while (i < iEnd && j < jEnd)
        {
            if (_start[j] < _end[i] + reach && _start[i] < _end[j] + reach) Union(i, j);
            // The run that ends first cannot touch any later run of the other row.
            if (_end[i] < _end[j]) i++;
            else j++;
        }
    }

    private void Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        // The smaller index wins, so a component's root is its first run in scan order.
        if (a < b) _root[b] = a;
        else if (b < a) _root[a] = b;
    }

    private int Find(int run)
    {
        var root = run;
        while (_root[root] != root) root = _root[root];
        while (_root[run] != root) (run, _root[run]) = (_root[run], root);
        return root;
    }

    private void Add(int start, int end)
    {
        if (Count == _start.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _start, size);
            Array.Resize(ref _end, size);
            Array.Resize(ref _root, size);
        }
        _start[Count] = start;
        _end[Count] = end;
        Count++;
    }

    private int Rows => Height * Depth;

    private void Reset(int width, int height, int depth)
    {
        Width = width;
        Height = height;
        Depth = depth;
        Count = 0;
        if (_rowStart.Length < Rows + 1) _rowStart = new int[Rows + 1];
    }

    // Adds the runs of the pixels of row (columns from on) that are in the foreground T.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddRuns<T>(ReadOnlySpan<float> row, int from, float threshold) where T : IForeground
    {
        var x = from;
        while (x < row.Length)
        {
            var start = NextChange<T>(row, x, threshold, inside: false);
            if (start == row.Length) break;
            x = NextChange<T>(row, start, threshold, inside: true);
            Add(start, x);
        }
    }

    // The first column from x on whose membership of the foreground T differs from inside; whole vectors that agree are skipped at once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NextChange<T>(ReadOnlySpan<float> row, int x, float threshold, bool inside) where T : IForeground
    {
        var lanes = Vector<float>.Count;
        var limit = new Vector<float>(threshold);
        var agree = inside ? new Vector<int>(-1) : Vector<int>.Zero;
        for (; x <= row.Length - lanes; x += lanes)
        {
            if (!Vector.EqualsAll(T.In(new Vector<float>(row[x..]), limit), agree)) break;
        }
        for (; x < row.Length; x++)
        {
            if (T.In(row[x], threshold) != inside) return x;
        }
        return row.Length;
    }

    // Which pixels make runs: one scan loop serves both, specialised per foreground by the JIT.
    private interface IForeground
    {
        static abstract bool In(float value, float threshold);

        static abstract Vector<int> In(Vector<float> values, Vector<float> threshold);
    }

    // Below the threshold (air below a HU level); NaN is not below anything.
    private readonly struct Below : IForeground
    {
        public static bool In(float value, float threshold) => value < threshold;

        public static Vector<int> In(Vector<float> values, Vector<float> threshold) => Vector.LessThan(values, threshold);
    }

    // At or above the threshold (lesion probability); NaN is not.
    private readonly struct AtLeast : IForeground
    {
        public static bool In(float value, float threshold) => value >= threshold;

        public static Vector<int> In(Vector<float> values, Vector<float> threshold) => Vector.GreaterThanOrEqual(values, threshold);
    }

    private struct Accumulator(int x, int y)
    {
        private int _pixels, _minX = x, _maxX = x, _maxY = y;
        private readonly int _minY = y;
        private long _sumX, _sumY;
        private float _maxProbability = float.NegativeInfinity;
        private double _sumProbability;

        public void Add(int y, int start, int end, ReadOnlySpan<float> probabilities)
        {
            var length = end - start;
            _pixels += length;
            _minX = Math.Min(_minX, start);
            _maxX = Math.Max(_maxX, end - 1);
            _maxY = y;
            // start + (start + 1) + ... + (end - 1); the product is always even.
            _sumX += (long)(start + end - 1) * length / 2;
            _sumY += (long)y * length;
            foreach (var p in probabilities)
            {
                _sumProbability += p;
                if (p > _maxProbability) _maxProbability = p;
            }
        }

        public readonly ComponentSummary Summary() => new(_pixels, _minX, _minY, _maxX, _maxY, _sumX, _sumY, _maxProbability, _sumProbability);
    }
}
