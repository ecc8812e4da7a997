using CovidCt.Imaging;

namespace CovidCt.Pipelines.Scoring;

/// <summary>
/// The resize of a patient's maps back to its slices (<see cref="SliceResolution"/>): the taps of one frame for one map size,
/// made once per patient. The whole map (<see cref="Dense"/>) and some of its rows (<see cref="Rows"/>) come from the same
/// kernel, <see cref="BilinearRows"/>, so a row is the same floats either way.
/// </summary>
internal sealed class SliceResize
{
    /// <summary>Taps from <paramref name="sourceWidth"/> x <paramref name="sourceHeight"/> maps to the slice's columns and rows.</summary>
    public SliceResize(int sourceWidth, int sourceHeight, ResizeTaps columns, ResizeTaps rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        (SourceWidth, SourceHeight, Columns, RowTaps) = (sourceWidth, sourceHeight, columns, rows);
    }

    /// <summary>Columns of the maps it takes.</summary>
    public int SourceWidth { get; }

    /// <summary>Rows of the maps it takes.</summary>
    public int SourceHeight { get; }

    /// <summary>The slice's columns: two map columns and a weight each.</summary>
    public ResizeTaps Columns { get; }

    /// <summary>The slice's rows: two map rows and a weight each.</summary>
    public ResizeTaps RowTaps { get; }

    /// <summary>Columns of the slice.</summary>
    public int Width => Columns.Count;

    /// <summary>Rows of the slice.</summary>
    public int Height => RowTaps.Count;

    /// <summary>
    /// <paramref name="source"/> at the slice's resolution, its values computed when first read (<see cref="ProbabilityMap.Values"/>):
    /// the box detector reads only the rows it needs (<see cref="Rows"/>).
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="source"/> is not of the size the taps were made for.</exception>
    public ProbabilityMap Deferred(ProbabilityMap source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Width != SourceWidth || source.Height != SourceHeight)
        {
            throw new ArgumentException($"a {source.Width}x{source.Height} map, but the resize was made for {SourceWidth}x{SourceHeight}", nameof(source));
        }
        return new ProbabilityMap(this, source);
    }

    /// <summary>Every pixel of <paramref name="source"/> at the slice's resolution, in a new array.</summary>
    public float[] Dense(ProbabilityMap source)
    {
        var values = new float[Width * Height];
        BilinearResize.Resample(source.Values, SourceWidth, Columns, RowTaps, values);
        return values;
    }

    /// <summary>The resize of <paramref name="source"/> a slice row at a time, only the rows asked for (dispose it).</summary>
    public BilinearRows Rows(ProbabilityMap source) => new(source.Values, SourceWidth, Columns, RowTaps);
}
