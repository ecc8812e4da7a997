using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Data.Cohorts;

/// <summary>One PNG/JPEG slice file as the image or mask of an image-level cohort entry.</summary>
internal static class SliceImageFile
{
    // Reading a mask through this window maps gray g to exactly g, so the slice reader's decoding serves masks too.
    private static readonly HounsfieldWindow Identity = new(255, 127.5);

    /// <summary>True when <paramref name="path"/> is an existing PNG/JPEG file.</summary>
    public static bool Is(string path) => File.Exists(path) && CtReader.IsSliceImage(path);

    /// <summary>Size from the header (no pixels decoded), as a one-slice source named after the file; a size beyond <paramref name="limits"/> is refused.</summary>
    public static CtSourceInfo Describe(string file, InputLimits limits)
    {
        var (width, height) = SliceImageCheck.Header(file, limits);
        return new CtSourceInfo(CtSourceKind.SliceFolder, width, height, 1, [Path.GetFileNameWithoutExtension(file)]);
    }

    /// <summary>Reads a PNG mask file onto <paramref name="geometry"/> (a one-slice image): gray above <see cref="SliceFolderReader.MaskThreshold"/> is lesion.</summary>
    /// <exception cref="IO.InvalidInputException">When the mask cannot be decoded or its size differs from the image's.</exception>
    public static LesionMask ReadMask(string file, VolumeGeometry geometry)
    {
        var gray = SliceFolderReader.ReadFile(file, Identity);
        var g = gray.Geometry;
        CtReader.RequireSameGrid(file, g.Width, g.Height, g.Depth, geometry.Width, geometry.Height, geometry.Depth);
        var labels = new byte[gray.Hounsfield.Length];
        for (var i = 0; i < labels.Length; i++) labels[i] = gray.Hounsfield[i] > SliceFolderReader.MaskThreshold ? (byte)1 : (byte)0;
        return new LesionMask(geometry, labels, file);
    }
}
