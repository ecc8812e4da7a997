using CovidCt.Data.IO;
using CovidCt.Imaging;
using SkiaSharp;

namespace CovidCt.Data.Slices;

/// <summary>
/// Writes slices as 8-bit gray PNG: CT slices windowed (<see cref="HounsfieldWindow.ToGray"/>), mask slices as 0 / 255.
/// Files are written atomically; names are <c>slice_0001.png</c> … in volume order when a whole volume is written.
/// </summary>
public static class SlicePngWriter
{
    /// <summary>Writes slice <paramref name="z"/> of <paramref name="volume"/> through <paramref name="window"/>.</summary>
    public static void WriteSlice(CtVolume volume, int z, HounsfieldWindow window, string path)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(window);
        var hounsfield = volume.Slice(z);
        var gray = new byte[hounsfield.Length];
        for (var i = 0; i < gray.Length; i++) gray[i] = window.ToGray(hounsfield[i]);
        WriteGray(gray, volume.Geometry.Width, volume.Geometry.Height, path);
    }

    /// <summary>Writes slice <paramref name="z"/> of <paramref name="mask"/>: lesion 255, background 0.</summary>
    public static void WriteMask(LesionMask mask, int z, string path)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var labels = mask.Slice(z);
        var gray = new byte[labels.Length];
        for (var i = 0; i < gray.Length; i++) gray[i] = labels[i] != 0 ? (byte)255 : (byte)0;
        WriteGray(gray, mask.Geometry.Width, mask.Geometry.Height, path);
    }

    /// <summary>Writes every slice of <paramref name="volume"/> into <paramref name="folder"/> as slice_0001.png …; returns the paths.</summary>
    public static IReadOnlyList<string> WriteSlices(CtVolume volume, HounsfieldWindow window, string folder)
    {
        ArgumentNullException.ThrowIfNull(volume);
        return Enumerable.Range(0, volume.Geometry.Depth).Select(z =>
        {
            var path = Path.Combine(folder, SliceName(z));
            WriteSlice(volume, z, window, path);
            return path;
        }).ToList();
    }

    /// <summary>Writes every slice of <paramref name="mask"/> into <paramref name="folder"/> with the names <see cref="WriteSlices"/> uses.</summary>
    public static IReadOnlyList<string> WriteMasks(LesionMask mask, string folder)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return Enumerable.Range(0, mask.Geometry.Depth).Select(z =>
        {
            var path = Path.Combine(folder, SliceName(z));
            WriteMask(mask, z, path);
            return path;
        }).ToList();
    }

    /// <summary>The file name of slice <paramref name="z"/> (0-based) in a written folder.</summary>
    public static string SliceName(int z) => $"slice_{z + 1:D4}.png";

    private static void WriteGray(byte[] gray, int width, int height, string path)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(gray, 0, bitmap.GetPixels(), gray.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException($"SkiaSharp could not encode {path} as PNG");
        AtomicFile.Write(path, stream => data.SaveTo(stream));
    }
}
