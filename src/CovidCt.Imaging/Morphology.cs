using System.Numerics;
using System.Runtime.CompilerServices;

namespace CovidCt.Imaging;

/// <summary>Binary morphology with square structuring elements on 0/1 masks, separable (a row pass then a column pass) and vectorised.</summary>
internal static class Morphology
{
    /// <summary>
    /// Closing (dilation then erosion) with a (2r+1) square, in place, on a mask of 0 and 1. Pixels beyond the border count as
    /// background for dilation and foreground for erosion, so a closing never shrinks the mask.
    /// </summary>
    public static void Close(byte[] mask, int width, int height, int radius)
    {
        var buffer = new byte[mask.Length];
        Filter(mask, buffer, width, height, radius, dilate: true);
        Filter(mask, buffer, width, height, radius, dilate: false);
    }

    // Dilation is a running maximum and erosion a running minimum. Beyond the border is the identity of each (0 for the
    // maximum, 1 for the minimum), so a window clipped at the border gives exactly the stated border convention.
    private static void Filter(byte[] mask, byte[] buffer, int width, int height, int radius, bool dilate)
    {
        for (var y = 0; y < height; y++) RowPass(mask.AsSpan(y * width, width), buffer.AsSpan(y * width, width), radius, dilate);
        ColumnPass(buffer, mask, width, height, radius, dilate);
    }

    // Per-slice kernels are compiled fully optimised at their first call: docs/pipeline.md, "Speed", says why.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowPass(ReadOnlySpan<byte> source, Span<byte> target, int radius, bool dilate)
    {
        source.CopyTo(target);
        for (var k = 1; k <= radius && k < source.Length; k++)
        {
            Combine(target[..^k], source[k..], dilate);  // the neighbour k to the right
            Combine(target[k..], source[..^k], dilate);  // the neighbour k to the left
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ColumnPass(byte[] source, byte[] target, int width, int height, int radius, bool dilate)
    {
        for (var y = 0; y < height; y++)
        {
            var row = target.AsSpan(y * width, width);
            source.AsSpan(y * width, width).CopyTo(row);
            for (var k = 1; k <= radius; k++)
            {
                if (y - k >= 0) Combine(row, source.AsSpan((y - k) * width, width), dilate);
                if (y + k < height) Combine(row, source.AsSpan((y + k) * width, width), dilate);
            }
        }
    }

    // target = max(target, other) for dilation, min(target, other) for erosion.
    private static void Combine(Span<byte> target, ReadOnlySpan<byte> other, bool dilate)
    {
        var i = 0;
        var lanes = Vector<byte>.Count;
        for (; i <= target.Length - lanes; i += lanes)
        {
            var a = new Vector<byte>(target[i..]);
            var b = new Vector<byte>(other[i..]);
            (dilate ? Vector.Max(a, b) : Vector.Min(a, b)).CopyTo(target[i..]);
        }
        for (; i < target.Length; i++) target[i] = dilate ? Math.Max(target[i], other[i]) : Math.Min(target[i], other[i]);
    }
}
