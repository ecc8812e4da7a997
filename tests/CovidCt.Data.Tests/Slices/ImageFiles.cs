using SkiaSharp;

namespace CovidCt.Data.Tests.Slices;

/// <summary>Writes test images with SkiaSharp, independently of the production PNG writer.</summary>
public static class ImageFiles
{
    public static void Rgb(string path, int width, int height, Func<int, int, SKColor> color, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, color(x, y));
        using var data = bitmap.Encode(format, 100);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, data.ToArray());
    }

    public static void Gray(string path, int width, int height, Func<int, int, byte> gray, SKEncodedImageFormat format = SKEncodedImageFormat.Png) =>
        Rgb(path, width, height, (x, y) => { var g = gray(x, y); return new SKColor(g, g, g); }, format);
}
