namespace CovidCt.Imaging;

/// <summary>In-place Gaussian blur of one slice by two 1D passes (rows, then columns), edges clamped.</summary>
internal static class SeparableBlur
{
    /// <summary>A normalised Gaussian kernel of standard deviation <paramref name="sigma"/> pixels, truncated at 3 sigma.</summary>
    /// <remarks>For <paramref name="sigma"/> at or below 0.05 pixels returns the identity kernel [1].</remarks>
    public static float[] Kernel(double sigma)
    {
        if (sigma <= 0.05) return [1f];
        var radius = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var kernel = new float[2 * radius + 1];
        double sum = 0;
        for (var i = -radius; i <= radius; i++) sum += kernel[i + radius] = (float)Math.Exp(-0.5 * i * i / (sigma * sigma));
        for (var i = 0; i < kernel.Length; i++) kernel[i] = (float)(kernel[i] / sum);
        return kernel;
    }

    /// <summary>Blurs the <paramref name="width"/> x <paramref name="height"/> image in <paramref name="pixels"/> with <paramref name="kernel"/> along both axes.</summary>
    /// <param name="pixels">Row-major image, overwritten with the result.</param>
    /// <param name="width">Columns.</param>
    /// <param name="height">Rows.</param>
    /// <param name="kernel">Odd-length normalised kernel from <see cref="Kernel"/>.</param>
    /// <param name="scratch">Work buffer of at least <c>width * height</c> values; its content is overwritten.</param>
    public static void Apply(Span<float> pixels, int width, int height, ReadOnlySpan<float> kernel, Span<float> scratch)
    {
        if (kernel.Length == 1) return;
        var radius = kernel.Length / 2;
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * width, width);
            var target = scratch.Slice(y * width, width);
            for (var x = 0; x < width; x++)
            {
                float sum = 0;
                if (x >= radius && x < width - radius)
                {
                    var window = row.Slice(x - radius, kernel.Length);
                    for (var k = 0; k < kernel.Length; k++) sum += kernel[k] * window[k];
                }
                else
                {
                    for (var k = -radius; k <= radius; k++) sum += kernel[k + radius] * row[Math.Clamp(x + k, 0, width - 1)];
                }
                target[x] = sum;
            }
        }
        for (var y = 0; y < height; y++)
        {
            var target = pixels.Slice(y * width, width);
            for (var x = 0; x < width; x++) target[x] = 0;
            for (var k = -radius; k <= radius; k++)
            {
                var source = scratch.Slice(Math.Clamp(y + k, 0, height - 1) * width, width);
                var weight = kernel[k + radius];
                for (var x = 0; x < width; x++) target[x] += weight * source[x];
            }
        }
    }
}
