using System.Runtime.InteropServices;
using CovidCt.Data;
using CovidCt.Data.Slices;
using CovidCt.Imaging;
using SkiaSharp;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Writes the small chest slices the window-fit and cohort-check tests read: a 48x48 chest (soft tissue 61%, fat 19%) in a rim of
/// air (16%) with a lesion-density square, exported as <c>images/NAME.png</c> at a window, with its mask as <c>masks/NAME.png</c>.
/// </summary>
internal static class ChestSlices
{
    private const int Size = 48;

    /// <summary>
    /// Writes slice <paramref name="name"/> under <paramref name="folder"/> exported at <paramref name="window"/> (or filled with
    /// <paramref name="fill"/> HU, then without lesion), its mask holding <paramref name="lesion"/> on the lesion square.
    /// </summary>
    public static void Write(string folder, string name, HounsfieldWindow window, float fill = float.NaN, byte lesion = 255)
    {
        var geometry = VolumeGeometry.Axial(Size, Size, 1, 1, 1);
        var voxels = new float[Size * Size];
        var labels = new byte[Size * Size];
        for (var i = 0; i < voxels.Length; i++)
        {
            var (x, y) = (i % Size, i / Size);
            var inLesion = x is >= 20 and < 30 && y is >= 20 and < 30;
            // Each tissue spread by up to ±20 HU, like scanner noise: the fit reads the modes of a histogram, not spikes.
            var noise = (x * 7919 + y * 104729) % 41 - 20;
            voxels[i] = !float.IsNaN(fill) ? fill : inLesion ? TestModels.LesionHu : (x is < 2 or >= 46 || y is < 2 or >= 46 ? -1000 : x < 12 ? -100 : 40) + noise;
            labels[i] = inLesion && float.IsNaN(fill) ? lesion : (byte)0;
        }
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        Directory.CreateDirectory(Path.Combine(folder, "masks"));
        SlicePngWriter.WriteSlice(new CtVolume(geometry, voxels, "generated"), 0, window, Path.Combine(folder, "images", name + ".png"));
        // The mask's values are written as given (SlicePngWriter would write any lesion as 255), so label masks can be tested.
        using var bitmap = new SKBitmap(new SKImageInfo(Size, Size, SKColorType.Gray8, SKAlphaType.Opaque));
        Marshal.Copy(labels, 0, bitmap.GetPixels(), labels.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(Path.Combine(folder, "masks", name + ".png"));
        data.SaveTo(file);
    }
}
