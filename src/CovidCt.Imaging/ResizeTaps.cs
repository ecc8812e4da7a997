namespace CovidCt.Imaging;

/// <summary>
/// For each destination index along one axis of a bilinear resample: the two source indices it mixes and the weight of the
/// second (<see cref="BilinearResize.Resample(ReadOnlySpan{float}, int, ResizeTaps, ResizeTaps, Span{float})"/>). Whoever resizes decides where the taps fall; the kernel only mixes.
/// </summary>
internal sealed class ResizeTaps
{
    /// <summary>Taps for <paramref name="count"/> destination indices, all 0 until set.</summary>
    public ResizeTaps(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Lower = new int[count];
        Upper = new int[count];
        Weight = new float[count];
    }

    /// <summary>Destination indices along the axis.</summary>
    public int Count => Lower.Length;

    /// <summary>The first source index of each destination index.</summary>
    public int[] Lower { get; }

    /// <summary>The second source index of each destination index.</summary>
    public int[] Upper { get; }

    /// <summary>The weight of the second source index, in [0, 1].</summary>
    public float[] Weight { get; }

    /// <summary>Sets destination index <paramref name="i"/>'s taps.</summary>
    public void Set(int i, int lower, int upper, float weight) => (Lower[i], Upper[i], Weight[i]) = (lower, upper, weight);
}
