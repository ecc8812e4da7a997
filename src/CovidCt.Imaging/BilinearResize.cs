namespace CovidCt.Imaging;

/// <summary>
/// Bilinear resampling with half-pixel centres and edge clamping, without antialiasing: the same numbers as
/// PyTorch <c>F.interpolate(mode="bilinear", align_corners=False, antialias=False)</c>. An exact factor-2
/// downscale is the mean of each 2 x 2 block; equal sizes copy.
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
        var (x0, x1, wx) = Taps(sourceWidth, destinationWidth);
        var (y0, y1, wy) = Taps(sourceHeight, destinationHeight);
        for (var y = 0; y < destinationHeight; y++)
        {
            var top = source.Slice(y0[y] * sourceWidth, sourceWidth);
            var bottom = source.Slice(y1[y] * sourceWidth, sourceWidth);
            var fy = wy[y];
            var row = destination.Slice(y * destinationWidth, destinationWidth);
            for (var x = 0; x < destinationWidth; x++)
            {
                var a = x0[x];
                var b = x1[x];
                var fx = wx[x];
                var upper = top[a] + (top[b] - top[a]) * fx;
                var lower = bottom[a] + (bottom[b] - bottom[a]) * fx;
                row[x] = upper + (lower - upper) * fy;
            }
        }
    }

    // For each output index: the two source indices and the weight of the second, as PyTorch computes them
    // (source = (i + 0.5) * scale - 0.5, clamped at 0; the upper neighbour clamped at the last index).
    private static (int[] Lower, int[] Upper, float[] Weight) Taps(int sourceLength, int destinationLength)
    {
        var lower = new int[destinationLength];
        var upper = new int[destinationLength];
        var weight = new float[destinationLength];
        var scale = (float)sourceLength / destinationLength;
        for (var i = 0; i < destinationLength; i++)
        {
            var position = Math.Max((i + 0.5f) * scale - 0.5f, 0f);
            var index = Math.Min((int)position, sourceLength - 1);
            lower[i] = index;
            upper[i] = Math.Min(index + 1, sourceLength - 1);
            weight[i] = position - index;
        }
        return (lower, upper, weight);
    }
}
