using System.Buffers;
using System.Runtime.CompilerServices;

namespace CovidCt.Imaging;

/// <summary>
/// One bilinear resample (<see cref="BilinearResize.Resample(ReadOnlySpan{float}, int, ResizeTaps, ResizeTaps, Span{float})"/>)
/// computed a destination row at a time, in any order and only for the rows asked: each source row is interpolated along x
/// the first time a row needs it and kept, then each destination row is the mix of its two. The whole resample is this, row
/// after row, so a row holds the same floats whether it was computed alone or with all the others. Its buffers are rented:
/// dispose it.
/// </summary>
internal ref struct BilinearRows
{
    private readonly ReadOnlySpan<float> _source;
    private readonly int _sourceWidth;
    private readonly ResizeTaps _columns;
    private readonly ResizeTaps _rows;
    private readonly float[] _along;
    private readonly bool[] _done;
    private readonly int _sourceHeight;

    /// <summary>The resample of <paramref name="source"/> (row-major, <paramref name="sourceWidth"/> columns) through <paramref name="columns"/> and <paramref name="rows"/>.</summary>
    /// <exception cref="ArgumentException">When the source is not whole rows, or a tap lies outside it.</exception>
    public BilinearRows(ReadOnlySpan<float> source, int sourceWidth, ResizeTaps columns, ResizeTaps rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceWidth);
        if (source.Length % sourceWidth != 0) throw new ArgumentException($"{source.Length} values are not rows of {sourceWidth}", nameof(source));
        _source = source;
        (_sourceWidth, _columns, _rows, _sourceHeight) = (sourceWidth, columns, rows, source.Length / sourceWidth);
        _along = ArrayPool<float>.Shared.Rent(Math.Max(1, _sourceHeight * columns.Count));
        _done = ArrayPool<bool>.Shared.Rent(Math.Max(1, _sourceHeight));
        _done.AsSpan(0, _sourceHeight).Clear();
    }

    /// <summary>Destination row <paramref name="y"/> into <paramref name="destination"/> (one destination row long).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="y"/> is not a destination row.</exception>
    public readonly void Row(int y, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, _rows.Count);
        if (destination.Length != _columns.Count) throw new ArgumentException($"a row of {destination.Length} values for {_columns.Count} columns", nameof(destination));
        BilinearResize.Mix(AlongX(_rows.Lower[y]), AlongX(_rows.Upper[y]), _rows.Weight[y], destination);
    }

    /// <summary>Returns the buffers.</summary>
    public readonly void Dispose()
    {
        ArrayPool<float>.Shared.Return(_along);
        ArrayPool<bool>.Shared.Return(_done);
    }

    // Per-slice kernels are compiled fully optimised at their first call: docs/pipeline.md, "Speed", says why.
    // Source row `row` interpolated along x, computed on first use.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private readonly ReadOnlySpan<float> AlongX(int row)
    {
        var width = _columns.Count;
        var target = _along.AsSpan(row * width, width);
        if (_done[row]) return target;
        var sourceRow = _source.Slice(row * _sourceWidth, _sourceWidth);
        for (var x = 0; x < target.Length; x++)
        {
            var a = sourceRow[_columns.Lower[x]];
            target[x] = a + (sourceRow[_columns.Upper[x]] - a) * _columns.Weight[x];
        }
        _done[row] = true;
        return target;
    }
}
