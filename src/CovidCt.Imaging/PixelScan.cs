using System.Numerics;

namespace CovidCt.Imaging;

/// <summary>
/// Whole-map (or whole-row) scans the box detector runs on every slice at the slice's resolution (262,144 pixels at 512 x 512), a vector at
/// a time. Each gives exactly the number of the plain loop it replaces, NaN included: a NaN is never above a value and never
/// at or above a threshold.
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
}
