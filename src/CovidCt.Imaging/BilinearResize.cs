using System.Numerics;
using System.Runtime.CompilerServices;

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
    /// Separable (<see cref="BilinearRows"/>, which also computes some rows only): each source row a destination row needs is
    /// interpolated along x once (an upscale by 4 uses each twice or more), and the mix between two rows runs on whole vectors.
    /// The numbers are those of the direct per-pixel formula.
    /// </remarks>
    public static void Resample(ReadOnlySpan<float> source, int sourceWidth, ResizeTaps columns, ResizeTaps rows, Span<float> destination)
    {
        var width = columns.Count;
        if (destination.Length != width * rows.Count) throw new ArgumentException("destination does not match the taps", nameof(destination));
        using var resample = new BilinearRows(source, sourceWidth, columns, rows);
        for (var y = 0; y < rows.Count; y++) resample.Row(y, destination.Slice(y * width, width));
    }

    // Per-slice kernels are compiled fully optimised at their first call: docs/pipeline.md, "Speed", says why.
    // row = upper + (lower − upper) × weight, a vector at a time, then the tail.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Mix(ReadOnlySpan<float> upper, ReadOnlySpan<float> lower, float weight, Span<float> row)
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
