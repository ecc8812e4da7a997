using System.Numerics;

namespace CovidCt.Pipelines.PostProcessing;

/// <summary>
/// The foreground of a binary image as horizontal runs, row by row, with connected components found by union-find over
/// runs instead of pixels. A CT slice has a handful of air runs per row where it has hundreds of pixels, which is what makes
/// the HU lung segmentation cheap next to the model. Keeps its buffers between calls; not thread-safe.
/// </summary>
internal sealed class RowRuns
{
    private int[] _rowStart = [];
    private int[] _start = new int[256];
    private int[] _end = new int[256];
    private int[] _root = new int[256];

    /// <summary>Columns of the image.</summary>
    public int Width { get; private set; }

    /// <summary>Rows of the image.</summary>
    public int Height { get; private set; }

    /// <summary>Runs in all rows.</summary>
    public int Count { get; private set; }

    /// <summary>After <see cref="Label"/>: the component of run <paramref name="run"/>, named by its first run in scan order.</summary>
    public int Root(int run) => _root[run];

    /// <summary>Runs of the pixels whose value is below <paramref name="threshold"/> (NaN is not below anything).</summary>
    public void SetBelow(ReadOnlySpan<float> values, int width, int height, float threshold)
    {
        Reset(width, height);
        for (var y = 0; y < height; y++)
        {
            _rowStart[y] = Count;
            var row = values.Slice(y * width, width);
            var x = 0;
            while (x < width)
            {
                var start = NextChange(row, x, threshold, below: false);
                if (start == width) break;
                x = NextChange(row, start, threshold, below: true);
                Add(start, x);
            }
        }
        _rowStart[height] = Count;
    }

    /// <summary>Runs of the pixels of <paramref name="source"/>'s image that none of its runs covers (the background).</summary>
    public void SetGaps(RowRuns source)
    {
        Reset(source.Width, source.Height);
        for (var y = 0; y < Height; y++)
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
        _rowStart[Height] = Count;
    }

    /// <summary>A new instance holding only the runs for which <paramref name="selected"/> is true.</summary>
    public RowRuns Select(ReadOnlySpan<bool> selected)
    {
        var copy = new RowRuns();
        copy.Reset(Width, Height);
        for (var y = 0; y < Height; y++)
        {
            copy._rowStart[y] = copy.Count;
            for (var r = _rowStart[y]; r < _rowStart[y + 1]; r++)
            {
                if (selected[r]) copy.Add(_start[r], _end[r]);
            }
        }
        copy._rowStart[Height] = copy.Count;
        return copy;
    }

    /// <summary>The smallest rectangle holding every run, or null when there is none.</summary>
    public ImageRectangle? Bounds()
    {
        if (Count == 0) return null;
        int left = Width, right = 0, top = -1, bottom = 0;
        for (var y = 0; y < Height; y++)
        {
            if (_rowStart[y] == _rowStart[y + 1]) continue;
            if (top < 0) top = y;
            bottom = y + 1;
            left = Math.Min(left, _start[_rowStart[y]]);  // runs of a row are in column order
            right = Math.Max(right, _end[_rowStart[y + 1] - 1]);
        }
        return new ImageRectangle(left, top, right, bottom);
    }

    /// <summary>
    /// Joins runs of consecutive rows that touch (overlapping columns for <see cref="Connectivity.Four"/>, also diagonally
    /// adjacent ones for <see cref="Connectivity.Eight"/>); afterwards <see cref="Root"/> names each run's component.
    /// </summary>
    public void Label(Connectivity connectivity)
    {
        for (var r = 0; r < Count; r++) _root[r] = r;
        var reach = connectivity == Connectivity.Eight ? 1 : 0;
        for (var y = 1; y < Height; y++)
        {
            int i = _rowStart[y], iEnd = _rowStart[y + 1], j = _rowStart[y - 1], jEnd = _rowStart[y];
            while (i < iEnd && j < jEnd)
            {
                if (_start[j] < _end[i] + reach && _start[i] < _end[j] + reach) Union(i, j);
                // The run that ends first cannot touch any later run of the other row.
                if (_end[i] < _end[j]) i++;
                else j++;
            }
        }
        // Roots precede their members, so one pass in scan order leaves every run pointing at its root.
        for (var r = 0; r < Count; r++) _root[r] = _root[_root[r]];
    }

    /// <summary>After <see cref="Label"/>: pixels of each component and whether it touches the image border, at its root's index (other entries are 0 and false).</summary>
    public void Measure(Span<int> pixels, Span<bool> touchesBorder)
    {
        pixels[..Count].Clear();
        touchesBorder[..Count].Clear();
        for (var y = 0; y < Height; y++)
        {
            var borderRow = y == 0 || y == Height - 1;
            for (var r = _rowStart[y]; r < _rowStart[y + 1]; r++)
            {
                var root = _root[r];
                pixels[root] += _end[r] - _start[r];
                touchesBorder[root] |= borderRow || _start[r] == 0 || _end[r] == Width;
            }
        }
    }

    /// <summary>Sets to 1 the pixels of <paramref name="mask"/> under every run for which <paramref name="selected"/> is true (every run when it is empty).</summary>
    public void Paint(Span<byte> mask, ReadOnlySpan<bool> selected = default)
    {
        var all = selected.IsEmpty;
        for (var y = 0; y < Height; y++)
        {
            var row = mask.Slice(y * Width, Width);
            for (var r = _rowStart[y]; r < _rowStart[y + 1]; r++)
            {
                if (all || selected[r]) row[_start[r].._end[r]].Fill(1);
            }
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

    private void Reset(int width, int height)
    {
        Width = width;
        Height = height;
        Count = 0;
        if (_rowStart.Length < height + 1) _rowStart = new int[height + 1];
    }

    // The first column from x on whose "value < threshold" differs from below; whole vectors that agree are skipped at once.
    private static int NextChange(ReadOnlySpan<float> row, int x, float threshold, bool below)
    {
        var lanes = Vector<float>.Count;
        var limit = new Vector<float>(threshold);
        for (; x <= row.Length - lanes; x += lanes)
        {
            var isBelow = Vector.LessThan(new Vector<float>(row[x..]), limit);
            if (!(below ? Vector.EqualsAll(isBelow, new Vector<int>(-1)) : Vector.EqualsAll(isBelow, Vector<int>.Zero))) break;
        }
        for (; x < row.Length; x++)
        {
            if (row[x] < threshold != below) return x;
        }
        return row.Length;
    }
}
