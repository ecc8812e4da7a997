using CovidCt.Data.Slices;

namespace CovidCt.Data.Cohorts;

/// <summary>One PNG/JPEG slice file as the image or mask of an image-level cohort entry.</summary>
internal static class SliceImageFile
{
    /// <summary>True when <paramref name="path"/> is an existing PNG/JPEG file.</summary>
    public static bool Is(string path) => File.Exists(path) && CtReader.IsSliceImage(path);

    /// <summary>Size from the header (no pixels decoded), as a one-slice source named after the file; a size beyond <paramref name="limits"/> is refused.</summary>
    public static CtSourceInfo Describe(string file, InputLimits limits)
    {
        var (width, height) = SliceImageCheck.Header(file, limits);
        return new CtSourceInfo(CtSourceKind.SliceFolder, width, height, 1, [Path.GetFileNameWithoutExtension(file)]);
    }

    /// <summary>Reads a PNG mask file onto <paramref name="geometry"/> (a one-slice image), its values by <paramref name="labels"/> (<see cref="LesionLabels"/>).</summary>
    /// <exception cref="IO.InvalidInputException">When the mask cannot be decoded, its size differs from the image's, or its values break the rule.</exception>
    public static LesionMask ReadMask(string file, VolumeGeometry geometry, LesionLabels? labels) => SliceFolderReader.ReadMaskFile(file, geometry, labels);
}
