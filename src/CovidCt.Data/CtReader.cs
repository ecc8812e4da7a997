using CovidCt.Data.Dicom;
using CovidCt.Data.IO;
using CovidCt.Data.Nifti;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Data;

/// <summary>
/// Reads a CT study in whichever form it arrives — a DICOM folder, a NIfTI file, or a folder of PNG/JPEG slices — into
/// one <see cref="CtVolume"/> in HU with slices feet to head (see <see cref="VolumeGeometry"/>).
/// </summary>
/// <remarks>
/// Detection (<see cref="Detect"/>): a file is NIfTI; a folder with PNG or JPEG files directly inside is a slice folder;
/// any other folder is searched recursively for DICOM files. Masks are a NIfTI file or a folder of PNG masks whose files,
/// in natural name order, map one to one onto the image's slices (for a slice-folder image, the names must match).
/// </remarks>
public static class CtReader
{
    private static readonly string[] SliceExtensions = [".png", ".jpg", ".jpeg"];

    /// <summary>The form of the source at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">When nothing exists at the path.</exception>
    public static CtSourceKind Detect(string path)
    {
        if (File.Exists(path))
        {
            if (IsDicomFile(path)) throw new InvalidInputException(path, "this is a single DICOM file; pass the folder that holds the series");
            return CtSourceKind.Nifti;
        }
        if (!Directory.Exists(path)) throw new InvalidInputException(path, "no such file or folder; expected a DICOM folder, a NIfTI file or a folder of PNG/JPEG slices");
        return InputPaths.Files(path, recursive: false).Any(IsSliceImage) ? CtSourceKind.SliceFolder : CtSourceKind.Dicom;
    }

    private static bool IsDicomFile(string file)
    {
        var prefix = new byte[132];
        using var stream = InputPaths.OpenRead(file);
        return stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false) == prefix.Length && DicomParser.IsPart10(prefix);
    }

    /// <summary>True when <paramref name="file"/> has a PNG or JPEG extension.</summary>
    internal static bool IsSliceImage(string file) => SliceExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the CT at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">For anything that cannot be read as a CT volume; the message names the file and the problem.</exception>
    public static CtVolume Read(string path, CtReadOptions? options = null) => Detect(path) switch
    {
        CtSourceKind.Nifti => NiftiReader.ReadVolume(path, LimitsOf(options)),
        CtSourceKind.Dicom => DicomSeriesReader.Read(path, options?.SeriesInstanceUid, LimitsOf(options)),
        _ => SliceFolderReader.Read(path, options?.Window ?? StudyProtocol.LungWindow, LimitsOf(options)),
    };

    private static InputLimits LimitsOf(CtReadOptions? options) => options?.Limits ?? InputLimits.Default;

    /// <summary>
    /// Reads one slice file — a PNG/JPEG image (mapped back to HU through <see cref="CtReadOptions.Window"/>, default the lung
    /// window) or a single DICOM file — as a one-slice volume; any other path is read as <see cref="Read"/> does.
    /// </summary>
    /// <exception cref="InvalidInputException">For anything that cannot be read; the message names the file and the problem.</exception>
    public static CtVolume ReadSliceOrVolume(string path, CtReadOptions? options = null)
    {
        if (File.Exists(path) && IsSliceImage(path)) return SliceFolderReader.ReadFile(path, options?.Window ?? StudyProtocol.LungWindow, LimitsOf(options));
        if (File.Exists(path) && IsDicomFile(path)) return DicomSeriesReader.ReadFile(path, LimitsOf(options));
        return Read(path, options);
    }

    /// <summary>Dimensions and form of the CT at <paramref name="path"/> from headers only, failing as <see cref="Read"/> would for unreadable input.</summary>
    /// <exception cref="InvalidInputException">For anything that cannot be read as a CT volume.</exception>
    public static CtSourceInfo Describe(string path, CtReadOptions? options = null)
    {
        switch (Detect(path))
        {
            case CtSourceKind.Nifti:
                var g = NiftiReader.ReadGeometry(path, LimitsOf(options));
                return new CtSourceInfo(CtSourceKind.Nifti, g.Width, g.Height, g.Depth);
            case CtSourceKind.Dicom:
                return DicomSeriesReader.Describe(path, options?.SeriesInstanceUid, LimitsOf(options));
            default:
                return SliceFolderReader.Describe(path, LimitsOf(options));
        }
    }

    /// <summary>
    /// Reads the lesion mask at <paramref name="path"/> for <paramref name="image"/>: a NIfTI file, or a folder of PNG masks.
    /// The image's grid bounds the mask: a mask declaring another grid is refused from its header, before its voxels are read.
    /// </summary>
    /// <param name="path">The NIfTI file or the folder of PNG masks.</param>
    /// <param name="image">The image the mask belongs to.</param>
    /// <param name="labels">Which values are lesion; null for <see cref="LesionLabels.Binary"/> (0/1 or 0/255, anything else refused).</param>
    /// <exception cref="InvalidInputException">When the mask cannot be read, its grid differs from the image's, or its values break the rule.</exception>
    public static LesionMask ReadMask(string path, CtVolume image, LesionLabels? labels = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (Detect(path) != CtSourceKind.Nifti) return SliceFolderReader.ReadMask(path, image.Geometry, labels);
        var mask = NiftiReader.ReadMask(path, image.Geometry, labels);
        // The image's grid is the reference: a mask saved by another tool may carry a slightly different float32 transform.
        return new LesionMask(image.Geometry, mask.Labels, mask.Source);
    }

    /// <summary>
    /// Dimensions of the mask at <paramref name="path"/> from headers only: a NIfTI file or a folder of PNG masks. No size
    /// limit applies: the mask must have its image's grid, which the limits bound.
    /// </summary>
    /// <exception cref="InvalidInputException">When the mask cannot be read, or a mask folder holds no PNG/JPEG files.</exception>
    public static CtSourceInfo DescribeMask(string path)
    {
        if (Detect(path) != CtSourceKind.Nifti) return SliceFolderReader.Describe(path, InputLimits.Highest);
        var g = NiftiReader.ReadMaskGeometry(path);
        return new CtSourceInfo(CtSourceKind.Nifti, g.Width, g.Height, g.Depth);
    }

    /// <summary>Throws unless a mask of the first size fits an image of the second.</summary>
    internal static void RequireSameGrid(string maskPath, int width, int height, int depth, int imageWidth, int imageHeight, int imageDepth)
    {
        if (width != imageWidth || height != imageHeight || depth != imageDepth)
        {
            throw new InvalidInputException(maskPath, $"the mask is {width}x{height}x{depth} but the image is {imageWidth}x{imageHeight}x{imageDepth}; a mask must have the image's grid");
        }
    }
}
