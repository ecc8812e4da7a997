using System.Runtime.InteropServices;
using SkiaSharp;

namespace CovidCt.Testing.Invariance;

/// <summary>How an exported slice is encoded.</summary>
public enum SliceImageFormat
{
    /// <summary>8-bit gray PNG (lossless).</summary>
    GrayPng,

    /// <summary>Gray JPEG at quality 90 (lossy), the quality image tools default to.</summary>
    Jpeg90,

    /// <summary>24-bit RGB PNG with the gray in all three channels, as slices exported from a viewer's screen come.</summary>
    RgbPng,
}

/// <summary>Encodes a gray slice in a <see cref="SliceImageFormat"/>.</summary>
public static class SliceImageEncoder
{
    /// <summary>The file extension of <paramref name="format"/>.</summary>
    public static string Extension(SliceImageFormat format) => format == SliceImageFormat.Jpeg90 ? ".jpg" : ".png";

    /// <summary>Writes <paramref name="slice"/> to <paramref name="path"/>.</summary>
    public static void Write(GrayPlane slice, SliceImageFormat format, string path)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var rgb = format == SliceImageFormat.RgbPng;
        using var bitmap = new SKBitmap(new SKImageInfo(slice.Width, slice.Height, rgb ? SKColorType.Rgb888x : SKColorType.Gray8, SKAlphaType.Opaque));
        var pixels = rgb ? slice.Pixels.SelectMany(g => new[] { g, g, g, (byte)255 }).ToArray() : slice.Pixels;
        Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(format == SliceImageFormat.Jpeg90 ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, format == SliceImageFormat.Jpeg90 ? 90 : 100)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode {path} as {format}");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
