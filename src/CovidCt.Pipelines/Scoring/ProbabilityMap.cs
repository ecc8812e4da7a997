using CovidCt.Data.IO;

namespace CovidCt.Pipelines.Scoring;

/// <summary>
/// A lesion probability per pixel, row-major: at the model's output resolution, or at the slice's once taken back to it
/// (<see cref="SliceResolution"/>), when its values are computed on first read.
/// </summary>
public sealed class ProbabilityMap
{
    private readonly SliceResize? _resize;
    private readonly ProbabilityMap? _source;
    private float[]? _values;

    /// <summary>Wraps <paramref name="values"/> (not copied).</summary>
    public ProbabilityMap(int width, int height, float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (width < 1 || height < 1 || values.Length != width * height)
        {
            throw new ArgumentException($"{values.Length} values do not fill a {width}x{height} map", nameof(values));
        }
        Width = width;
        Height = height;
        _values = values;
    }

    // The model's map at the slice's resolution, computed when first read: the box detector reads only the rows it needs.
    internal ProbabilityMap(SliceResize resize, ProbabilityMap source)
    {
        (Width, Height, _resize, _source) = (resize.Width, resize.Height, resize, source);
    }

    /// <summary>Columns.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Probabilities, row-major (a map taken back to its slice computes them on the first read, by the one resize kernel).</summary>
    public float[] Values => Volatile.Read(ref _values) ?? Resized();

    /// <summary>
    /// The resize and the model's map this map is made from, while its values have not been computed yet (the box detector then
    /// computes only the rows it needs); null once they have been, or for a map that was never resized.
    /// </summary>
    internal (SliceResize Resize, ProbabilityMap Source)? Pending => Volatile.Read(ref _values) is null ? (_resize!, _source!) : null;

    // Two threads reading it first compute the same floats; one array is kept.
    private float[] Resized()
    {
        var values = _resize!.Dense(_source!);
        return Interlocked.CompareExchange(ref _values, values, null) ?? values;
    }

    /// <summary>Index of the first value that is NaN or infinite, or -1 when all are finite.</summary>
    public int FirstNonFinite() => PixelScan.FirstNonFinite(Values);

    /// <summary>Throws unless every value is finite, naming the model, patient, slice and pixel.</summary>
    /// <exception cref="InvalidInputException">When a value is NaN or infinite.</exception>
    public void EnsureFinite(string modelPath, string patientId, int slice, double position)
    {
        var bad = FirstNonFinite();
        if (bad < 0) return;
        throw new InvalidInputException(modelPath,
            $"the model returned {Values[bad]} for patient '{patientId}', slice {slice} (position {position} mm), pixel ({bad % Width}, {bad / Width}); expected probabilities in [0, 1]");
    }
}
