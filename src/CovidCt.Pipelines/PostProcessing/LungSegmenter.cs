namespace CovidCt.Pipelines.PostProcessing;

/// <summary>
/// Classical HU lung segmentation per slice, the valid area's definition of the lung fields: air-like pixels (8-connected),
/// minus the air (and scanner padding) connected to the image border unless it lies inside the body's convex outline, as lungs
/// cut by a tight crop do (<see cref="ValidAreaOptions.BorderLungInsideBody"/>), keep the largest enclosed components, fill holes
/// (vessels, nodules, lesions), then a small closing. The work is done by the imaging core's one lung-field definition with
/// these parameters (the simulator runs the same definition in 3D with its own). Draws the mask only when it is asked for:
/// the study's rectangle needs the bounds alone, which filling and closing do not move away from the border
/// (benchmarks/README.md has the timings). Keeps its buffers between calls: not thread-safe, reuse one per thread (the
/// areas it returns are thread-safe).
/// </summary>
public sealed class LungSegmenter
{
    private readonly LungFields _fields = new();

    /// <summary>Segments the lung fields of one slice of HU values (row-major). NaN pixels count as tissue, never as air.</summary>
    public ValidArea Segment(ReadOnlySpan<float> hounsfield, int width, int height, ValidAreaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var n = width * height;
        if (hounsfield.Length != n) throw new ArgumentException($"{hounsfield.Length} pixels do not fill {width}x{height}", nameof(hounsfield));
        if (options.Region == ValidAreaRegion.WholeImage) return ValidArea.WholeImage(width, height);

        var definition = Definition(options);
        var lungs = _fields.Find(hounsfield, width, height, 1, definition);
        var radius = options.ClosingRadius;
        var bounds = lungs.Bounds() is { } b ? new ImageRectangle(b.Left, b.Top, b.Right, b.Bottom) : (ImageRectangle?)null;
        // Filling holes never leaves the rectangle, and a closing can only leave it where the dilation reaches the image
        // border (outside counts as foreground for the erosion); away from the border the rectangle is final already.
        if (bounds is null || (bounds.Value.Left > radius && bounds.Value.Top > radius && bounds.Value.Right < width - radius && bounds.Value.Bottom < height - radius))
        {
            return new ValidArea(width, height, bounds, () => LungFields.Draw(lungs, definition));
        }
        return new ValidArea(width, height, LungFields.Draw(lungs, definition));
    }

    // The valid area's lung fields: per slice, 8-connected air, the largest enclosed components, holes filled, closed.
    private static LungFieldOptions Definition(ValidAreaOptions options) => new(
        AirThresholdHu: (float)options.AirThresholdHu,
        AirConnectivity: Connectivity.Eight,
        LinkSlices: false,
        MaxComponents: options.LungComponents,
        MinFractionOfImage: options.MinLungFraction,
        MinFractionOfLargest: 0,
        FillHoles: true,
        ClosingRadius: options.ClosingRadius,
        BorderLungInsideBody: options.BorderLungInsideBody);
}
