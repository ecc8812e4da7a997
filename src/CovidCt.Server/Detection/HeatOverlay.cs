using CovidCt.Pipelines.Scoring;
using SkiaSharp;

namespace CovidCt.Server.Detection;

/// <summary>
/// The page's toggleable heat overlay: a slice's probability map as a transparent PNG of the slice's size, transparent where
/// the probability is below 0.05 and from translucent orange to opaque yellow towards 1, to be laid over the red-box figure.
/// </summary>
internal static class HeatOverlay
{
    private const float Floor = 0.05f;

    /// <summary>PNG bytes of <paramref name="map"/>.</summary>
    public static byte[] Render(ProbabilityMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var pixels = new byte[map.Width * map.Height * 4];
        for (var i = 0; i < map.Values.Length; i++)
        {
            var p = Math.Clamp(map.Values[i], 0f, 1f);
            if (p < Floor) continue;
            pixels[4 * i] = 255;
            pixels[4 * i + 1] = (byte)(80 + 175 * p);
            pixels[4 * i + 2] = 0;
            pixels[4 * i + 3] = (byte)(60 + 160 * p);
        }
        using var bitmap = new SKBitmap(new SKImageInfo(map.Width, map.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
