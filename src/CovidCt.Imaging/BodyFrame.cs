namespace CovidCt.Imaging;

/// <summary>
/// Frames a patient on the body, so the model sees the chest at one scale whatever border the images carry (air padding, a
/// crop to the chest, another field of view): the bounding box of the pixels denser than air over all of a patient's slices,
/// made square about its centre with the body spanning <see cref="TrainingBodyFraction"/> of the side.
/// </summary>
internal static class BodyFrame
{
    /// <summary>
    /// Pixels above this HU are body (or table, or clothing): half-way between air (−1000) and water (0), so scanner noise
    /// in air (tens of HU) and the lungs' edges never decide the box, and any window that keeps air below it reads the same.
    /// </summary>
    public const float BodyHounsfield = -500f;

    /// <summary>
    /// The fraction of the framed square's side that the body's longer side spans: 216/256, the median over the default
    /// cohort (full-field-of-view slices like those the shipped models were trained on; 0.82 to 0.89 there), so a full-FOV
    /// scan is framed almost exactly as its whole slice and the shipped models see the scale they were trained at.
    /// </summary>
    public const double TrainingBodyFraction = 216.0 / 256.0;

    /// <summary>
    /// The bounding box of the pixels above <see cref="BodyHounsfield"/> over all <paramref name="slices"/> (each
    /// <paramref name="width"/> x <paramref name="height"/> HU, row-major), or null when no pixel is (a slice of air only).
    /// NaN pixels are not body.
    /// </summary>
    public static PixelBox? Bounds(IReadOnlyList<ReadOnlyMemory<float>> slices, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var (left, top, right, bottom) = (width, height, -1, -1);
        foreach (var memory in slices)
        {
            var slice = memory.Span;
            if (slice.Length != width * height) throw new ArgumentException($"a slice of {slice.Length} pixels does not fill {width}x{height}", nameof(slices));
            for (var y = 0; y < height; y++)
            {
                var row = slice.Slice(y * width, width);
                var first = PixelScan.FirstAbove(row, BodyHounsfield);
                if (first < 0) continue;
                (top, bottom) = (Math.Min(top, y), Math.Max(bottom, y));
                left = Math.Min(left, first);
                right = Math.Max(right, PixelScan.LastAbove(row, BodyHounsfield));
            }
        }
        return right < 0 ? null : new PixelBox(left, top, right - left + 1, bottom - top + 1);
    }

    /// <summary>
    /// The square of whole pixels centred on <paramref name="body"/> whose side the body's longer side spans
    /// <paramref name="fraction"/> of; it may reach beyond the slice (air there).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="fraction"/> is not in (0, 1].</exception>
    public static PixelBox Square(PixelBox body, double fraction)
    {
        if (!(fraction > 0 && fraction <= 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "the body fraction must be in (0, 1]");
        var side = Math.Max(1, (int)Math.Round(Math.Max(body.Width, body.Height) / fraction));
        // Centred in doubled coordinates so that odd and even sizes round the same way on every form of the image.
        var left = (int)Math.Floor((2.0 * body.Left + body.Width - side) / 2 + 0.5);
        var top = (int)Math.Floor((2.0 * body.Top + body.Height - side) / 2 + 0.5);
        return new PixelBox(left, top, side, side);
    }
}
