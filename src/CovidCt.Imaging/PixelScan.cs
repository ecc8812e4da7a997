using System.Numerics;

namespace CovidCt.Imaging;

/// <summary>
/// Whole-map (or whole-row) scans run on every slice at the slice's resolution (262,144 pixels at 512 x 512), a vector at a
/// time: the box detector's, the body frame's rows and the NIfTI reader's check for non-finite voxels. Each gives exactly the
/// number of the plain loop it replaces, NaN included: a NaN is never above a value and never at or above a threshold.
/// </summary>
internal static class PixelScan
{
    /// <summary>The highest of <paramref name="start"/> and the values of <paramref name="values"/> above it; NaN is skipped.</summary>
    public static float Highest(ReadOnlySpan<float> values, float start) => Extreme<Above>(values, start);

    /// <summary>The lowest of <paramref name="start"/> and the values of <paramref name="values"/> below it; NaN is skipped.</summary>
    public static float Lowest(ReadOnlySpan<float> values, float start) => Extreme<Below>(values, start);

    // One scan for both ends, specialised per order by the JIT: keeps a value only where it beats the best so far, as the
    // scalar `if (v > max)` does, so a comparison with NaN (always false) skips it.
    private static float Extreme<T>(ReadOnlySpan<float> values, float start) where T : IOrder
    {
        var x = 0;
        var extreme = start;
        if (values.Length >= Vector<float>.Count)
        {
            var best = new Vector<float>(start);
            for (; x + Vector<float>.Count <= values.Length; x += Vector<float>.Count)
            {
                var v = new Vector<float>(values[x..]);
                best = Vector.ConditionalSelect(T.Beats(v, best), v, best);
            }
            for (var i = 0; i < Vector<float>.Count; i++) if (T.Beats(best[i], extreme)) extreme = best[i];
        }
        for (; x < values.Length; x++) if (T.Beats(values[x], extreme)) extreme = values[x];
        return extreme;
    }

    private interface IOrder
    {
        static abstract bool Beats(float value, float best);

        static abstract Vector<int> Beats(Vector<float> values, Vector<float> best);
    }

    private readonly struct Above : IOrder
    {
        public static bool Beats(float value, float best) => value > best;

        public static Vector<int> Beats(Vector<float> values, Vector<float> best) => Vector.GreaterThan(values, best);
    }

    private readonly struct Below : IOrder
    {
        public static bool Beats(float value, float best) => value < best;

        public static Vector<int> Beats(Vector<float> values, Vector<float> best) => Vector.LessThan(values, best);
    }

    /// <summary>How many values of <paramref name="values"/> are at or above <paramref name="threshold"/>; NaN is not.</summary>
    public static long CountAtLeast(ReadOnlySpan<float> values, float threshold)
    {
        var x = 0;
        var count = 0L;
        var limit = new Vector<float>(threshold);
        // A lane counts at most one value per vector, so at most int.MaxValue / lanes: an int lane never overflows.
        var lanes = Vector<int>.Zero;
        for (; x + Vector<float>.Count <= values.Length; x += Vector<float>.Count)
        {
            // A true comparison is all ones, -1 as an int: subtracting counts it.
            lanes -= Vector.GreaterThanOrEqual(new Vector<float>(values[x..]), limit);
        }
        for (var i = 0; i < Vector<int>.Count; i++) count += lanes[i];
        for (; x < values.Length; x++) if (values[x] >= threshold) count++;
        return count;
    }

    /// <summary>The index of the first value of <paramref name="values"/> above <paramref name="threshold"/>, or -1; NaN is not above.</summary>
    public static int FirstAbove(ReadOnlySpan<float> values, float threshold)
    {
        var x = 0;
        var limit = new Vector<float>(threshold);
        // Whole vectors of values at or below the threshold (air, on a body frame's rows) are passed over a vector at a time;
        // the first vector holding one above it is searched pixel by pixel.
        while (x + Vector<float>.Count <= values.Length && !Vector.GreaterThanAny(new Vector<float>(values[x..]), limit)) x += Vector<float>.Count;
        for (; x < values.Length; x++) if (values[x] > threshold) return x;
        return -1;
    }

    /// <summary>The index of the last value of <paramref name="values"/> above <paramref name="threshold"/>, or -1; NaN is not above.</summary>
    public static int LastAbove(ReadOnlySpan<float> values, float threshold)
    {
        var end = values.Length;
        var limit = new Vector<float>(threshold);
        while (end >= Vector<float>.Count && !Vector.GreaterThanAny(new Vector<float>(values[(end - Vector<float>.Count)..]), limit)) end -= Vector<float>.Count;
        for (var x = end - 1; x >= 0; x--) if (values[x] > threshold) return x;
        return -1;
    }

    /// <summary>The index of the first NaN or infinite value of <paramref name="values"/>, or -1 when every value is finite.</summary>
    public static int FirstNonFinite(ReadOnlySpan<float> values)
    {
        var x = 0;
        // v - v is 0 for every finite v and NaN for NaN and both infinities, so a vector is finite when all its lanes equal 0.
        for (; x + Vector<float>.Count <= values.Length; x += Vector<float>.Count)
        {
            var v = new Vector<float>(values[x..]);
            if (!Vector.EqualsAll(v - v, Vector<float>.Zero)) break;
        }
        for (; x < values.Length; x++) if (!float.IsFinite(values[x])) return x;
        return -1;
    }
}
