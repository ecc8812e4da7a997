namespace CovidCt.Imaging.Tests;

/// <summary>
/// The plain per-pixel loops the vectorised kernels replaced (issue #20), kept as the oracle their results are compared with.
/// </summary>
internal static class ScalarOracle
{
    public static int FirstAbove(ReadOnlySpan<float> row, float threshold)
    {
        for (var x = 0; x < row.Length; x++) if (row[x] > threshold) return x;
        return -1;
    }

    public static int LastAbove(ReadOnlySpan<float> row, float threshold)
    {
        for (var x = row.Length - 1; x >= 0; x--) if (row[x] > threshold) return x;
        return -1;
    }

    public static int FirstNonFinite(ReadOnlySpan<float> values)
    {
        for (var i = 0; i < values.Length; i++) if (!float.IsFinite(values[i])) return i;
        return -1;
    }

    /// <summary><see cref="BodyFrame.Bounds"/> as it was: each row scanned pixel by pixel from both ends.</summary>
    public static PixelBox? BodyBounds(IReadOnlyList<float[]> slices, int width, int height)
    {
        var (left, top, right, bottom) = (width, height, -1, -1);
        foreach (var slice in slices)
        {
            for (var y = 0; y < height; y++)
            {
                var row = slice.AsSpan(y * width, width);
                var first = FirstAbove(row, BodyFrame.BodyHounsfield);
                if (first < 0) continue;
                (top, bottom) = (Math.Min(top, y), Math.Max(bottom, y));
                left = Math.Min(left, first);
                right = Math.Max(right, LastAbove(row, BodyFrame.BodyHounsfield));
            }
        }
        return right < 0 ? null : new PixelBox(left, top, right - left + 1, bottom - top + 1);
    }
}
