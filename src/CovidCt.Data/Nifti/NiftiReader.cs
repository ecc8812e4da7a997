using CovidCt.Data.IO;
using CovidCt.Imaging;

namespace CovidCt.Data.Nifti;

/// <summary>
/// Reads NIfTI-1 files (.nii, or gzip-compressed .nii.gz, recognised by content) of datatype uint8, int8, int16, uint16,
/// int32, float32 or float64, in either byte order.
/// </summary>
/// <remarks>
/// Values are rescaled by scl_slope/scl_inter (a slope of 0 means no scaling). The grid comes from the sform when its
/// code is set, else the qform, else pixdim alone (read as standard axial, said on <see cref="CtVolume.Assumptions"/>). Voxels are flipped along rows, columns and
/// slices where needed so that the result follows <see cref="VolumeGeometry"/>: rows and columns point as in a DICOM axial
/// image and slices run along +normal (feet to head for an axial scan). Files this project wrote carry their exact
/// double-precision geometry and Series Instance UID in a header extension, so DICOM → NIfTI → volume is lossless.
/// A 4-D file with one volume is accepted; several volumes, NIfTI-2 and .hdr/.img pairs are rejected with
/// <see cref="InvalidInputException"/>, as are truncated files and dims that disagree with the data length.
/// </remarks>
public static class NiftiReader
{
    /// <summary>Reads a CT volume; voxel values are taken as Hounsfield units after scl_slope/scl_inter.</summary>
    /// <param name="path">The .nii or .nii.gz file.</param>
    /// <param name="limits">The largest slice and volume accepted; null for <see cref="InputLimits.Default"/>.</param>
    /// <exception cref="InvalidInputException">When the file is missing, not NIfTI-1, truncated, unsupported or above the limits.</exception>
    public static CtVolume ReadVolume(string path, InputLimits? limits = null)
    {
        using var file = NiftiFile.Open(path, limits ?? InputLimits.Default);
        var voxels = file.ReadValues();
        RequireFinite(path, voxels);
        return new CtVolume(file.Layout.Geometry, file.Layout.Apply(voxels), path, file.Layout.SeriesInstanceUid) { Assumptions = Assumptions(file) };
    }

    // NIfTI's "method 1": with both codes 0 the file gives spacings but no orientation, and the standard axial one is taken.
    private static ReadAssumption[] Assumptions(NiftiFile file)
    {
        if (file.Header.SformCode > 0 || file.Header.QformCode > 0) return [];
        var g = file.Layout.Geometry;
        var spacing = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{g.ColumnSpacing:0.###} x {g.RowSpacing:0.###} x {g.SliceThickness:0.###} mm");
        return [new ReadAssumption(file.Path, "sform_code, qform_code",
            $"both are 0, so the file states no orientation and was read as standard axial from pixdim alone ({spacing}): rows towards the patient's left, columns towards the back, the first stored slice the most inferior",
            "if it was stored otherwise (rows anterior-up, slices head first, or not axial), left and right, the quadrants the patient rule compares and the slice order are wrong; a file with its sform or qform set silences this warning")];
    }

    /// <summary>Reads a lesion mask, its values by <paramref name="labels"/> (<see cref="LesionLabels"/>; after scl_slope/scl_inter).</summary>
    /// <param name="path">The .nii or .nii.gz file.</param>
    /// <param name="limits">The largest slice and volume accepted; null for <see cref="InputLimits.Default"/>.</param>
    /// <param name="labels">Which values are lesion; null for <see cref="LesionLabels.Binary"/> (0/1 or 0/255).</param>
    /// <exception cref="InvalidInputException">When the file is missing, not NIfTI-1, truncated, unsupported or above the limits, or its values break the rule.</exception>
    public static LesionMask ReadMask(string path, InputLimits? limits = null, LesionLabels? labels = null)
    {
        using var file = NiftiFile.Open(path, limits ?? InputLimits.Default);
        return ReadMask(file, labels);
    }

    /// <summary>Reads the mask of an image on <paramref name="image"/>'s grid, refusing any other grid before its voxels are read.</summary>
    /// <exception cref="InvalidInputException">When the file cannot be read as a mask or its grid differs from the image's.</exception>
    internal static LesionMask ReadMask(string path, VolumeGeometry image, LesionLabels? labels)
    {
        // The image was read within the limits, so a mask of the same grid is too: the grid check is the mask's limit.
        using var file = NiftiFile.Open(path, limits: null);
        CtReader.RequireSameGrid(path, file.Width, file.Height, file.Depth, image.Width, image.Height, image.Depth);
        return ReadMask(file, labels);
    }

    private static LesionMask ReadMask(NiftiFile file, LesionLabels? labels)
    {
        labels ??= LesionLabels.Binary;
        // An unscaled uint8 mask (the usual one) holds its labels as they are: read as bytes and labelled in place, with no
        // float per voxel in between. Any other type or a scaling goes through the values after scl_slope/scl_inter.
        byte[] lesion;
        if (file.Format == SampleFormat.UInt8 && file.Scaling() == (1, 0))
        {
            lesion = file.ReadBytes();
            labels.ApplyInPlace(lesion, file.Path);
        }
        else lesion = labels.Apply(file.ReadValues(), file.Path);
        return new(file.Layout.Geometry, file.Layout.Apply(lesion), file.Path);
    }

    // A NaN or infinite voxel has no HU; left in, it reads as air and turns a scan into a negative patient.
    private static void RequireFinite(string path, float[] voxels)
    {
        var first = PixelScan.FirstNonFinite(voxels);
        if (first < 0) return;
        var bad = voxels.Count(v => !float.IsFinite(v));
        throw new InvalidInputException(path, $"{bad:N0} of {voxels.Length:N0} voxels are NaN or infinite (the first at voxel {first:N0}); expected Hounsfield units", field: "voxel data");
    }

    /// <summary>Reads only the header: the grid the file holds, without its voxels (for validating manifests quickly).</summary>
    /// <param name="path">The .nii or .nii.gz file.</param>
    /// <param name="limits">The largest slice and volume accepted, as <see cref="ReadVolume"/> will check; null for <see cref="InputLimits.Default"/>.</param>
    /// <exception cref="InvalidInputException">When the file is missing, not NIfTI-1, unsupported or above the limits.</exception>
    public static VolumeGeometry ReadGeometry(string path, InputLimits? limits = null)
    {
        using var file = NiftiFile.Open(path, limits ?? InputLimits.Default);
        return file.Layout.Geometry;
    }

    /// <summary>The grid of a mask file, from its header; its size is bounded by the image it must match, not by the limits.</summary>
    /// <exception cref="InvalidInputException">When the file is missing, not NIfTI-1 or unsupported.</exception>
    internal static VolumeGeometry ReadMaskGeometry(string path)
    {
        using var file = NiftiFile.Open(path, limits: null);
        return file.Layout.Geometry;
    }
}
