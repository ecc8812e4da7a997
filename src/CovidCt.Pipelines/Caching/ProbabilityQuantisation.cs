using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CovidCt.Pipelines.Caching;

/// <summary>
/// The cache's 8-bit probabilities (<see cref="ProbabilityMapCache"/>): byte k means k / 255, and a probability is stored as
/// the nearest such byte (halves away from zero; at or below 0 is 0, at or above 1 is 255). Both directions run 32 pixels at a
/// time (issue #20: a warm evaluate dequantises every map it reads) and give exactly the floats and bytes of the per-pixel
/// arithmetic they replace: the vector division is IEEE division like the scalar one, and for x = p x 255 in [0, 255] the
/// fraction x - trunc(x) is exact, so comparing it with one half rounds as <see cref="MathF.Round(float, MidpointRounding)"/> does.
/// </summary>
internal static class ProbabilityQuantisation
{
    private const int Block = 32;

    // Per-slice kernels are compiled fully optimised at their first call: docs/pipeline.md, "Speed", says why.
    /// <summary>k / 255 for every byte k of <paramref name="bytes"/>, in a new array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float[] Dequantise(ReadOnlySpan<byte> bytes)
    {
        var values = new float[bytes.Length];
        var p = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var scale = Vector256.Create(255f);
            for (; p + Block <= bytes.Length; p += Block)
            {
                var (low, high) = Vector256.Widen(Vector256.Create(bytes.Slice(p, Block)));
                var (a, b) = Vector256.Widen(low);
                var (c, d) = Vector256.Widen(high);
                (Vector256.ConvertToSingle(a.AsInt32()) / scale).CopyTo(values.AsSpan(p));
                (Vector256.ConvertToSingle(b.AsInt32()) / scale).CopyTo(values.AsSpan(p + 8));
                (Vector256.ConvertToSingle(c.AsInt32()) / scale).CopyTo(values.AsSpan(p + 16));
                (Vector256.ConvertToSingle(d.AsInt32()) / scale).CopyTo(values.AsSpan(p + 24));
            }
        }
        for (; p < bytes.Length; p++) values[p] = bytes[p] / 255f;
        return values;
    }

    /// <summary>Each probability of <paramref name="values"/> as its nearest byte k (meaning k / 255), in a new array.</summary>
    /// <exception cref="ArgumentException">When a value is NaN (named by its index, under <paramref name="paramName"/>).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static byte[] Quantise(ReadOnlySpan<float> values, string paramName)
    {
        var bytes = new byte[values.Length];
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Block <= values.Length; i += Block)
            {
                var (a, b, c, d) = (Vector256.Create(values.Slice(i, 8)), Vector256.Create(values.Slice(i + 8, 8)), Vector256.Create(values.Slice(i + 16, 8)), Vector256.Create(values.Slice(i + 24, 8)));
                // A block holding NaN is left to the per-pixel loop, which names the pixel.
                if (!(Vector256.EqualsAll(a, a) && Vector256.EqualsAll(b, b) && Vector256.EqualsAll(c, c) && Vector256.EqualsAll(d, d))) break;
                var words = (Vector256.Narrow(Level(a), Level(b)), Vector256.Narrow(Level(c), Level(d)));
                Vector256.Narrow(words.Item1, words.Item2).AsByte().CopyTo(bytes.AsSpan(i));
            }
        }
        for (; i < values.Length; i++)
        {
            var v = values[i];
            if (float.IsNaN(v)) throw new ArgumentException($"value {i} is NaN; only finite probabilities can be cached", paramName);
            bytes[i] = v <= 0 ? (byte)0 : v >= 1 ? (byte)255 : (byte)MathF.Round(v * 255f, MidpointRounding.AwayFromZero);
        }
        return bytes;
    }

    // The level of eight probabilities (none NaN), as the per-pixel loop computes it.
    private static Vector256<int> Level(Vector256<float> v)
    {
        var x = v * Vector256.Create(255f);
        var whole = Vector256.Truncate(x);
        var rounded = whole + (Vector256.GreaterThanOrEqual(x - whole, Vector256.Create(0.5f)) & Vector256.Create(1f));
        var level = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(v, Vector256<float>.Zero), Vector256<float>.Zero,
            Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(v, Vector256<float>.One), Vector256.Create(255f), rounded));
        return Vector256.ConvertToInt32(level);
    }
}
