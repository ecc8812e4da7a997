using CovidCt.Data.Dicom;
using CovidCt.Data.IO;
using CovidCt.Data.Nifti;

namespace CovidCt.Data;

/// <summary>
/// Reads a CT study in whichever form it arrives — a DICOM folder, a NIfTI file, or a folder of PNG/JPEG slices — into
/// one <see cref="CtVolume"/> in HU with slices feet to head (see <see cref="VolumeGeometry"/>).
/// </summary>
/// <remarks>
/// Detection (<see cref="Detect"/>): a file is NIfTI; a folder with PNG or JPEG files directly inside is a slice folder;
/// any other folder is searched recursively for DICOM files.
/// </remarks>
public static class CtReader
{
    private static readonly string[] SliceExtensions = [".png", ".jpg", ".jpeg"];

    /// <summary>The form of the source at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">When nothing exists at the path.</exception>
    public static CtSourceKind Detect(string path)
    {
        if (File.Exists(path)) return CtSourceKind.Nifti;
        if (!Directory.Exists(path)) throw new InvalidInputException(path, "no such file or folder; expected a DICOM folder, a NIfTI file or a folder of PNG/JPEG slices");
        return Directory.EnumerateFiles(path).Any(IsSliceImage) ? CtSourceKind.SliceFolder : CtSourceKind.Dicom;
    }

    /// <summary>True when <paramref name="file"/> has a PNG or JPEG extension.</summary>
    internal static bool IsSliceImage(string file) => SliceExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the CT at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">For anything that cannot be read as a CT volume; the message names the file and the problem.</exception>
    public static CtVolume Read(string path, CtReadOptions? options = null) => Detect(path) switch
    {
        CtSourceKind.Nifti => NiftiReader.ReadVolume(path),
        CtSourceKind.Dicom => DicomSeriesReader.Read(path, options?.SeriesInstanceUid),
        var kind => throw new InvalidInputException(path, $"{kind} sources are not readable in this build"),
    };

    /// <summary>Dimensions and form of the CT at <paramref name="path"/> from headers only, failing as <see cref="Read"/> would for unreadable input.</summary>
    /// <exception cref="InvalidInputException">For anything that cannot be read as a CT volume.</exception>
    public static CtSourceInfo Describe(string path, CtReadOptions? options = null)
    {
        var kind = Detect(path);
        switch (kind)
        {
            case CtSourceKind.Nifti:
                var g = NiftiReader.ReadGeometry(path);
                return new CtSourceInfo(kind, g.Width, g.Height, g.Depth);
            case CtSourceKind.Dicom:
                return DicomSeriesReader.Describe(path, options?.SeriesInstanceUid);
            default:
                throw new InvalidInputException(path, $"{kind} sources are not readable in this build");
        }
    }

    /// <summary>Reads the lesion mask at <paramref name="path"/> for <paramref name="image"/>: a NIfTI file, or a folder of PNG masks.</summary>
    /// <exception cref="InvalidInputException">When the mask cannot be read or its grid differs from the image's.</exception>
    public static LesionMask ReadMask(string path, CtVolume image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var mask = Detect(path) switch
        {
            CtSourceKind.Nifti => NiftiReader.ReadMask(path),
            var kind => throw new InvalidInputException(path, $"{kind} masks are not readable in this build"),
        };
        RequireSameGrid(path, mask.Geometry.Width, mask.Geometry.Height, mask.Geometry.Depth, image.Geometry.Width, image.Geometry.Height, image.Geometry.Depth);
        return mask;
    }

    /// <summary>Dimensions of the mask at <paramref name="path"/> from headers only.</summary>
    /// <exception cref="InvalidInputException">When the mask cannot be read.</exception>
    public static CtSourceInfo DescribeMask(string path) => Describe(path);

    /// <summary>Throws unless a mask of the first size fits an image of the second.</summary>
    internal static void RequireSameGrid(string maskPath, int width, int height, int depth, int imageWidth, int imageHeight, int imageDepth)
    {
        if (width != imageWidth || height != imageHeight || depth != imageDepth)
        {
            throw new InvalidInputException(maskPath, $"the mask is {width}x{height}x{depth} but the image is {imageWidth}x{imageHeight}x{imageDepth}; a mask must have the image's grid");
        }
    }
}
