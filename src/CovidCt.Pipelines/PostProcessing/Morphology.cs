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
        Pass(mask, buffer, width, height, radius, dilate, horizontal: true);
        Pass(buffer, mask, width, height, radius, dilate, horizontal: false);
    }

    // Running count of foreground pixels in the window [p - r, p + r]: dilation keeps any > 0, erosion needs all of it.
    private static void Pass(byte[] source, byte[] target, int width, int height, int radius, bool dilate, bool horizontal)
    {
        var (lines, length, step, lineStep) = horizontal ? (height, width, 1, width) : (width, height, width, 1);
        var window = 2 * radius + 1;
        var beyond = dilate ? 0 : 1;
        for (var line = 0; line < lines; line++)
        {
            var start = line * lineStep;
            var count = 0;
            for (var k = 0; k < radius; k++) count += k < length ? source[start + k * step] : beyond;
            for (var p = 0; p < length; p++)
            {
                var incoming = p + radius;
                count += incoming < length ? source[start + incoming * step] : beyond;
                var outgoing = p - radius - 1;
                if (outgoing >= 0) count -= source[start + outgoing * step];
                var outsideLeft = Math.Max(0, radius - p) * beyond;
                var keep = dilate ? count > 0 : count + outsideLeft == window;
                target[start + p * step] = keep ? (byte)1 : (byte)0;
            }
        }
    }
}
