using CovidCt.Data;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Cli.Tests;

/// <summary>
/// An image-level cohort written for a test: unrelated 32x32 slices as images/NAME.png with masks/NAME.png in the study's lung
/// window (1500/-600), and the tiny test models beside them.
/// </summary>
internal sealed class ImageLevelSlices : IDisposable
{
    /// <summary>The window the slices are written in, as the command line spells it.</summary>
    public const string Window = "1500/-600";

    private const int Size = 32;
    private static readonly HounsfieldWindow HuWindow = new(1500, -600);

    public TestModels Models { get; } = new();

    public string File(string name) => Path.Combine(Models.Folder, name);

    public string Images => File("images");

    public string Masks => File("masks");

    /// <summary>
    /// One slice: a body of soft tissue (40 HU) in air, with lesion-density tissue in a square of side <paramref name="lesion"/>
    /// (0 for none) that its mask marks. The body keeps the slice clear of the all-air framing warning.
    /// </summary>
    public void Slice(string name, int lesion)
    {
        var geometry = VolumeGeometry.Axial(Size, Size, 1, 1, 1);
        var voxels = new float[Size * Size];
        var labels = new byte[Size * Size];
        for (var i = 0; i < voxels.Length; i++)
        {
            var (x, y) = (i % Size, i / Size);
            var inside = x >= 8 && x < 8 + lesion && y >= 8 && y < 8 + lesion;
            voxels[i] = inside ? TestModels.LesionHu : x is >= 2 and < 30 && y is >= 2 and < 30 ? 40 : -1000;
            labels[i] = inside ? (byte)1 : (byte)0;
        }
        Directory.CreateDirectory(Images);
        Directory.CreateDirectory(Masks);
        SlicePngWriter.WriteSlice(new CtVolume(geometry, voxels, "generated"), 0, HuWindow, Path.Combine(Images, $"{name}.png"));
        SlicePngWriter.WriteMask(new LesionMask(geometry, labels, "generated"), 0, Path.Combine(Masks, $"{name}.png"));
    }

    public void Dispose() => Models.Dispose();
}
