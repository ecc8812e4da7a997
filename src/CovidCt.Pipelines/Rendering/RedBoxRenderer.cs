using CovidCt.Data.IO;
using CovidCt.Pipelines.PostProcessing;
using SkiaSharp;

namespace CovidCt.Pipelines.Rendering;

/// <summary>
/// The study's figure: a slice in the lung window with a red rectangle around each suspicious region and, when a truth mask
/// is given, the outline of the true lesions in green. PNG, at the slice's original resolution.
/// </summary>
public static class RedBoxRenderer
{
    /// <summary>Draws the figure and returns PNG bytes.</summary>
    /// <param name="hounsfield">HU per pixel, row-major.</param>
    /// <param name="width">Columns.</param>
    /// <param name="height">Rows.</param>
    /// <param name="boxes">Boxes in original coordinates.</param>
    /// <param name="truthMask">Optional lesion mask of the slice (non-zero = lesion), outlined in green.</param>
    /// <param name="options">Window and drawing options (defaults: the study's lung window).</param>
    /// <exception cref="ArgumentOutOfRangeException">When the window width is not positive.</exception>
    public static byte[] Render(ReadOnlySpan<float> hounsfield, int width, int height, IReadOnlyList<LesionBox> boxes,
        ReadOnlySpan<byte> truthMask = default, RedBoxOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        options ??= new RedBoxOptions();
        if (hounsfield.Length != width * height) throw new ArgumentException($"{hounsfield.Length} pixels do not fill {width}x{height}", nameof(hounsfield));
        if (!truthMask.IsEmpty && truthMask.Length != hounsfield.Length) throw new ArgumentException($"the truth mask has {truthMask.Length} pixels; the slice has {hounsfield.Length}", nameof(truthMask));
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var window = new HounsfieldWindow(options.WindowWidth, options.WindowLevel);
        var pixels = new byte[width * height * 4];
        for (var i = 0; i < hounsfield.Length; i++)
        {
            var gray = window.ToGray(hounsfield[i]);
            pixels[4 * i] = pixels[4 * i + 1] = pixels[4 * i + 2] = gray;
            pixels[4 * i + 3] = 255;
        }
        if (!truthMask.IsEmpty) OutlineInGreen(truthMask, width, height, pixels);
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = SKColors.Red, Style = SKPaintStyle.Stroke, StrokeWidth = options.LineWidth, IsAntialias = false };
            using var font = new SKFont { Size = Math.Max(8, height / 40f) };
            using var text = new SKPaint { Color = SKColors.Red, IsAntialias = true };
            foreach (var box in boxes)
            {
                var b = box.Bounds;
                canvas.DrawRect(SKRect.Create((float)b.Left, (float)b.Top, (float)b.Width, (float)b.Height), red);
                if (options.LabelProbabilities)
                {
                    canvas.DrawText(box.MaxProbability.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), (float)b.Left, (float)b.Top - 2, font, text);
                }
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Draws the figure into <paramref name="path"/> (atomically).</summary>
    /// <exception cref="InvalidInputException">When the folder cannot be written.</exception>
    public static void Save(string path, ReadOnlySpan<float> hounsfield, int width, int height, IReadOnlyList<LesionBox> boxes,
        ReadOnlySpan<byte> truthMask = default, RedBoxOptions? options = null)
    {
        var png = Render(hounsfield, width, height, boxes, truthMask, options);
        try
        {
            AtomicFile.Write(path, stream => stream.Write(png));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(path, $"cannot write the figure: {e.Message}", inner: e);
        }
    }

    // A lesion pixel with a non-lesion 4-neighbour (or on the image edge) is on the outline.
    private static void OutlineInGreen(ReadOnlySpan<byte> mask, int width, int height, byte[] pixels)
    {
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = y * width + x;
                if (mask[i] == 0) continue;
                var edge = x == 0 || y == 0 || x == width - 1 || y == height - 1
                    || mask[i - 1] == 0 || mask[i + 1] == 0 || mask[i - width] == 0 || mask[i + width] == 0;
                if (!edge) continue;
                pixels[4 * i] = 0;
                pixels[4 * i + 1] = 255;
                pixels[4 * i + 2] = 0;
            }
        }
    }
}
