namespace CovidCt.Pipelines.PostProcessing;

/// <summary>Binary morphology with square structuring elements, separable (a row pass then a column pass).</summary>
internal static class Morphology
{
    /// <summary>Closing (dilation then erosion) with a (2r+1) square, in place. Pixels beyond the border count as background for dilation and foreground for erosion, so a closing never shrinks the mask.</summary>
    public static void Close(byte[] mask, int width, int height, int radius)
    {
        var buffer = new byte[mask.Length];
        Filter(mask, buffer, width, height, radius, dilate: true);
        Filter(mask, buffer, width, height, radius, dilate: false);
    }

    private static void Filter(byte[] mask, byte[] buffer, int width, int height, int radius, bool dilate)
    {
        for (var y = 0; y < height; y++) RowPass(mask.AsSpan(y * width, width), buffer.AsSpan(y * width, width), radius, dilate);
        ColumnPass(buffer, mask, width, height, radius, dilate);
    }

    // Running count of foreground pixels in the window [p - r, p + r]: dilation keeps any > 0, erosion needs all of it.
    // Beyond the border counts as background for dilation and foreground for erosion.
    private static void RowPass(ReadOnlySpan<byte> source, Span<byte> target, int radius, bool dilate)
    {
        var length = source.Length;
        var window = 2 * radius + 1;
        var beyond = dilate ? 0 : 1;
        var count = (radius + 1) * beyond; // the window before position 0, [-r-1, r-1], starts with r + 1 positions left of the border
        for (var k = 0; k < radius; k++) count += k < length ? source[k] : beyond;
        for (var p = 0; p < length; p++)
        {
            var incoming = p + radius;
            count += incoming < length ? source[incoming] : beyond;
            var outgoing = p - radius - 1;
            count -= outgoing >= 0 ? source[outgoing] : beyond;
            target[p] = (dilate ? count > 0 : count == window) ? (byte)1 : (byte)0;
        }
    }

    // The same along columns, a whole row at a time so memory is read in order.
    private static void ColumnPass(byte[] source, byte[] target, int width, int height, int radius, bool dilate)
    {
        var window = 2 * radius + 1;
        var beyond = dilate ? 0 : 1;
        var counts = new int[width];
        Array.Fill(counts, (radius + 1) * beyond);
        for (var k = 0; k < radius; k++) AddRow(counts, k < height ? source.AsSpan(k * width, width) : default, beyond, +1);
        for (var y = 0; y < height; y++)
        {
            var incoming = y + radius;
            AddRow(counts, incoming < height ? source.AsSpan(incoming * width, width) : default, beyond, +1);
            var outgoing = y - radius - 1;
            AddRow(counts, outgoing >= 0 ? source.AsSpan(outgoing * width, width) : default, beyond, -1);
            var row = target.AsSpan(y * width, width);
            for (var x = 0; x < width; x++) row[x] = (dilate ? counts[x] > 0 : counts[x] == window) ? (byte)1 : (byte)0;
        }
    }

    // An empty row stands for a row beyond the border, whose every pixel is worth beyond.
    private static void AddRow(int[] counts, ReadOnlySpan<byte> row, int beyond, int sign)
    {
        if (row.IsEmpty)
        {
            if (beyond != 0) for (var x = 0; x < counts.Length; x++) counts[x] += sign * beyond;
            return;
        }
        for (var x = 0; x < counts.Length; x++) counts[x] += sign * row[x];
    }
}
