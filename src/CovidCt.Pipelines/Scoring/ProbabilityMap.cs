using CovidCt.Data.IO;

namespace CovidCt.Pipelines.Scoring;

/// <summary>A lesion probability per pixel at the model's output resolution, row-major.</summary>
public sealed class ProbabilityMap
{
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
        Values = values;
    }

    /// <summary>Columns.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Probabilities, row-major.</summary>
    public float[] Values { get; }

    /// <summary>Index of the first value that is NaN or infinite, or -1 when all are finite.</summary>
    public int FirstNonFinite()
    {
        var values = Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i])) return i;
        }
        return -1;
    }

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
