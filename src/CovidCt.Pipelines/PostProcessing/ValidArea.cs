namespace CovidCt.Pipelines.PostProcessing;

/// <summary>The lung fields of one slice at its original resolution, and their bounding rectangle.</summary>
public sealed class ValidArea
{
    private readonly Lazy<byte[]> _mask;
    private readonly Lazy<int> _pixelCount;

    /// <summary>Wraps <paramref name="mask"/> (not copied; non-zero = lung field) and computes its bounds.</summary>
    public ValidArea(int width, int height, byte[] mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.Length != width * height) throw new ArgumentException($"{mask.Length} values do not fill {width}x{height}", nameof(mask));
        Width = width;
        Height = height;
        _mask = new Lazy<byte[]>(mask);
        int left = width, top = height, right = -1, bottom = -1, count = 0;
        for (var y = 0; y < height; y++)
        {
            var row = mask.AsSpan(y * width, width);
            var first = row.IndexOfAnyExcept((byte)0);
            if (first < 0) continue;
            var last = row.LastIndexOfAnyExcept((byte)0);
            left = Math.Min(left, first);
            right = Math.Max(right, last);
            top = Math.Min(top, y);
            bottom = y;
            count += row.Length - row.Count((byte)0);
        }
        _pixelCount = new Lazy<int>(count);
        Bounds = count == 0 ? null : new ImageRectangle(left, top, right + 1, bottom + 1);
    }

    // Bounds known up front, mask drawn on first use: the study's rectangle needs only the bounds, and most callers never
    // look at the pixels (thread-safe: Lazy's default mode).
    internal ValidArea(int width, int height, ImageRectangle? bounds, Func<byte[]> mask)
    {
        Width = width;
        Height = height;
        Bounds = bounds;
        _mask = new Lazy<byte[]>(mask);
        _pixelCount = new Lazy<int>(() => Mask.Length - Mask.AsSpan().Count((byte)0));
    }

    /// <summary>Columns of the original slice.</summary>
    public int Width { get; }

    /// <summary>Rows of the original slice.</summary>
    public int Height { get; }

    /// <summary>Non-zero where the pixel belongs to a lung field.</summary>
    public byte[] Mask => _mask.Value;

    /// <summary>Lung-field pixels.</summary>
    public int PixelCount => _pixelCount.Value;

    /// <summary>The smallest rectangle holding the lung fields, or null when the slice has none (no lesion can be found on it).</summary>
    public ImageRectangle? Bounds { get; }

    /// <summary>
    /// True when the point (continuous original coordinates) lies in the valid area as <paramref name="region"/> defines it:
    /// inside the rectangle, on a lung-field pixel, or anywhere in the image.
    /// </summary>
    public bool Includes(ValidAreaRegion region, double x, double y) => region switch
    {
        ValidAreaRegion.WholeImage => true,
        ValidAreaRegion.Mask => Mask[(int)y * Width + (int)x] != 0,
        _ => Bounds is { } bounds && bounds.Contains(x, y),
    };

    /// <summary>The whole image as valid area.</summary>
    public static ValidArea WholeImage(int width, int height)
    {
        var mask = new byte[width * height];
        mask.AsSpan().Fill(1);
        return new ValidArea(width, height, mask);
    }
}
