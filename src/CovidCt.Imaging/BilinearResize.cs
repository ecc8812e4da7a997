using System.Buffers;
using System.Numerics;

namespace CovidCt.Imaging;

/// <summary>
/// Bilinear resampling, the one kernel behind both resizes of the pipeline: <see cref="Resize"/> (half-pixel centres and edge
/// clamping, without antialiasing: the same numbers as PyTorch <c>F.interpolate(mode="bilinear", align_corners=False,
/// antialias=False)</c>; an exact factor-2 downscale is the mean of each 2 x 2 block; equal sizes copy) and the probability
/// map's way back to its slice, which brings its own taps (<see cref="Resample(ReadOnlySpan{float}, int, ResizeTaps, ResizeTaps, Span{float})"/>).
/// </summary>
internal static class BilinearResize
{
    /// <summary>Resamples <paramref name="source"/> (row-major) into <paramref name="destination"/> (row-major).</summary>
    public static void Resize(ReadOnlySpan<float> source, int sourceWidth, int sourceHeight, Span<float> destination, int destinationWidth, int destinationHeight)
    {
        if (source.Length != sourceWidth * sourceHeight) throw new ArgumentException("source does not match its size", nameof(source));
        if (destination.Length != destinationWidth * destinationHeight) throw new ArgumentException("destination does not match its size", nameof(destination));
        if (sourceWidth == destinationWidth && sourceHeight == destinationHeight)
        {
            source.CopyTo(destination);
            return;
        }
        Resample(source, sourceWidth, Taps(sourceWidth, destinationWidth), Taps(sourceHeight, destinationHeight), destination);
    }

    /// <summary>
    /// Destination pixel (x, y) = the bilinear mix of the source pixels at columns <paramref name="columns"/>[x] and rows
    /// <paramref name="rows"/>[y]: first along the row, then between the two rows, each step rounded to float as written
    /// (lower + (upper − lower) × weight), so the result does not depend on how the work is split.
    /// </summary>
    /// <remarks>
    /// Separable: each source row a destination row needs is interpolated along x once (an upscale by 4 uses each twice or
    /// more), and the mix between two rows runs on whole vectors. The numbers are those of the direct per-pixel formula.
    /// </remarks>
    public static void Resample(ReadOnlySpan<float> source, int sourceWidth, ResizeTaps columns, ResizeTaps rows, Span<float> destination)
    {
        var width = columns.Count;
        if (destination.Length != width * rows.Count) throw new ArgumentException("destination does not match the taps", nameof(destination));
        using var along = new RowsAlongX(columns);
        for (var y = 0; y < rows.Count; y++) Row(along, source, sourceWidth, rows, y, destination.Slice(y * width, width));
    }

    /// <summary>
    /// Only destination rows <paramref name="only"/> of <see cref="Resample(ReadOnlySpan{float}, int, ResizeTaps, ResizeTaps, Span{float})"/>,
    /// written where the whole resample writes them in <paramref name="destination"/> (the other rows are left as they are): the
    /// same kernel, so each row holds the same floats as the whole resample's.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When a row of <paramref name="only"/> is not a destination row.</exception>
    public static void Resample(ReadOnlySpan<float> source, int sourceWidth, ResizeTaps columns, ResizeTaps rows, Span<float> destination, ReadOnlySpan<int> only)
    {
        var width = columns.Count;
        if (destination.Length != width * rows.Count) throw new ArgumentException("destination does not match the taps", nameof(destination));
        using var along = new RowsAlongX(columns);
        foreach (var y in only)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(y, nameof(only));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, rows.Count, nameof(only));
            Row(along, source, sourceWidth, rows, y, destination.Slice(y * width, width));
        }
    }

    // Destination row y: its two source rows along x (kept by `along` for the next row), then mixed.
    private static void Row(RowsAlongX along, ReadOnlySpan<float> source, int sourceWidth, ResizeTaps rows, int y, Span<float> row)
    {
        var (top, bottom) = (rows.Lower[y], rows.Upper[y]);
        var upper = along.Get(source, sourceWidth, top, keep: bottom);
        var lower = along.Get(source, sourceWidth, bottom, keep: top);
        Mix(upper, lower, rows.Weight[y], row);
    }

    // The last two source rows interpolated along x: consecutive destination rows mostly need the same pair. Its two rows are
    // rented, so neither the whole resample nor a few rows of it allocate per call.
    private sealed class RowsAlongX(ResizeTaps columns) : IDisposable
    {
        private readonly float[][] _rows = [ArrayPool<float>.Shared.Rent(columns.Count), ArrayPool<float>.Shared.Rent(columns.Count)];
        private readonly int[] _held = [-1, -1];

        // Source row `row` along x; refills the buffer that does not hold `keep` (the other row of the current pair).
        public ReadOnlySpan<float> Get(ReadOnlySpan<float> source, int sourceWidth, int row, int keep)
        {
            if (_held[0] == row) return _rows[0].AsSpan(0, columns.Count);
            if (_held[1] == row) return _rows[1].AsSpan(0, columns.Count);
            var slot = _held[0] == keep ? 1 : 0;
            var target = _rows[slot].AsSpan(0, columns.Count);
            var sourceRow = source.Slice(row * sourceWidth, sourceWidth);
            for (var x = 0; x < target.Length; x++)
            {
                var a = sourceRow[columns.Lower[x]];
                target[x] = a + (sourceRow[columns.Upper[x]] - a) * columns.Weight[x];
            }
            _held[slot] = row;
            return target;
        }

        public void Dispose()
        {
            foreach (var row in _rows) ArrayPool<float>.Shared.Return(row);
        }
    }

    // row = upper + (lower − upper) × weight, a vector at a time, then the tail.
    private static void Mix(ReadOnlySpan<float> upper, ReadOnlySpan<float> lower, float weight, Span<float> row)
    {
        var x = 0;
        var w = new Vector<float>(weight);
        for (; x + Vector<float>.Count <= row.Length; x += Vector<float>.Count)
        {
            var u = new Vector<float>(upper[x..]);
            (u + (new Vector<float>(lower[x..]) - u) * w).CopyTo(row[x..]);
        }
        for (; x < row.Length; x++) row[x] = upper[x] + (lower[x] - upper[x]) * weight;
    }

    // For each output index: the two source indices and the weight of the second, as PyTorch computes them
    // (source = (i + 0.5) * scale - 0.5, clamped at 0; the upper neighbour clamped at the last index).
    private static ResizeTaps Taps(int sourceLength, int destinationLength)
    {
        var taps = new ResizeTaps(destinationLength);
        var scale = (float)sourceLength / destinationLength;
        for (var i = 0; i < destinationLength; i++)
        {
            var position = Math.Max((i + 0.5f) * scale - 0.5f, 0f);
            var index = Math.Min((int)position, sourceLength - 1);
            taps.Set(i, index, Math.Min(index + 1, sourceLength - 1), position - index);
        }
        return taps;
    }
}
