using CovidCt.Data.IO;
using CovidCt.Imaging;
using SkiaSharp;

namespace CovidCt.Data.Synthesis;

/// <summary>
/// A PNG grid of evenly spaced slices in the study's lung window (<see cref="StudyProtocol.LungWindow"/>), with the lesion
/// mask drawn as a red outline, so that a person can judge a simulated patient at a glance.
/// </summary>
public static class ContactSheet
{
    /// <summary>Writes the sheet for <paramref name="volume"/> to <paramref name="path"/> (atomically).</summary>
    /// <param name="volume">The volume.</param>
    /// <param name="mask">Lesion mask to outline, or null.</param>
    /// <param name="path">Output PNG path.</param>
    /// <param name="tiles">Number of slices shown (fewer when the volume has fewer), four per row.</param>
    /// <param name="tileSize">Largest side of a tile in pixels; larger slices are reduced by block averaging.</param>
    public static void Write(CtVolume volume, LesionMask? mask, string path, int tiles = 12, int tileSize = 256)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var g = volume.Geometry;
        if (mask is not null && !mask.Geometry.SameGridSize(g)) throw new ArgumentException("the mask does not fit the volume's grid", nameof(mask));
        var count = Math.Min(tiles, g.Depth);
        var factor = Math.Max(1, (int)Math.Ceiling(Math.Max(g.Width, g.Height) / (double)tileSize));
        var tileWidth = g.Width / factor;
        var tileHeight = g.Height / factor;
        const int columns = 4;
        var rows = (count + columns - 1) / columns;
        var info = new SKImageInfo(columns * tileWidth, rows * tileHeight, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var rgba = new byte[info.BytesSize];
        for (var i = 3; i < rgba.Length; i += 4) rgba[i] = 255;
        for (var t = 0; t < count; t++)
        {
            var z = count == 1 ? 0 : (int)Math.Round(t * (g.Depth - 1) / (double)(count - 1));
            DrawTile(rgba, info.Width, volume, mask, z, factor, t % columns * tileWidth, t / columns * tileHeight, tileWidth, tileHeight);
        }
        using var image = SKImage.FromPixelCopy(info, rgba);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.Write(path, stream => png.SaveTo(stream));
    }

    private static void DrawTile(byte[] rgba, int sheetWidth, CtVolume volume, LesionMask? mask, int z, int factor, int left, int top, int tileWidth, int tileHeight)
    {
        var g = volume.Geometry;
        var slice = volume.Slice(z);
        var labels = mask is null ? ReadOnlySpan<byte>.Empty : mask.Slice(z);
        for (var ty = 0; ty < tileHeight; ty++)
        {
            for (var tx = 0; tx < tileWidth; tx++)
            {
                double sum = 0;
                var lesion = false;
                for (var dy = 0; dy < factor; dy++)
                {
                    for (var dx = 0; dx < factor; dx++)
                    {
                        var i = (ty * factor + dy) * g.Width + tx * factor + dx;
                        sum += slice[i];
                        lesion |= mask is not null && labels[i] != 0;
                    }
                }
                var gray = StudyProtocol.LungWindow.ToGray(sum / (factor * factor));
                var p = ((top + ty) * sheetWidth + left + tx) * 4;
                var outline = lesion && IsEdge(labels, g.Width, tileWidth, tileHeight, tx, ty, factor);
                rgba[p] = outline ? (byte)255 : gray;
                rgba[p + 1] = outline ? (byte)40 : gray;
                rgba[p + 2] = outline ? (byte)40 : gray;
            }
        }
    }

    // A lesion tile pixel with a 4-neighbour tile pixel that holds no lesion.
    private static bool IsEdge(ReadOnlySpan<byte> labels, int width, int tileWidth, int tileHeight, int tx, int ty, int factor)
    {
        ReadOnlySpan<(int X, int Y)> neighbours = [(-1, 0), (1, 0), (0, -1), (0, 1)];
        foreach (var (nx, ny) in neighbours)
        {
            var x = tx + nx;
            var y = ty + ny;
            if (x < 0 || y < 0 || x >= tileWidth || y >= tileHeight) return true;
            if (labels[y * factor * width + x * factor] == 0) return true;
        }
        return false;
    }
}
