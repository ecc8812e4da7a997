using CovidCt.Data.IO;

namespace CovidCt.Data.Nifti;

/// <summary>
/// Reads NIfTI-1 files (.nii, or gzip-compressed .nii.gz, recognised by content) of datatype uint8, int8, int16, uint16,
/// int32, float32 or float64, in either byte order.
/// </summary>
/// <remarks>
/// Values are rescaled by scl_slope/scl_inter (a slope of 0 means no scaling). The grid comes from the sform when its
/// code is set, else the qform, else pixdim alone (taken as standard axial). Voxels are flipped along rows, columns and
/// slices where needed so that the result follows <see cref="VolumeGeometry"/>: rows and columns point as in a DICOM axial
/// image and slices run along +normal (feet to head for an axial scan). Files this project wrote carry their exact
/// double-precision geometry and Series Instance UID in a header extension, so DICOM → NIfTI → volume is lossless.
/// A 4-D file with one volume is accepted; several volumes, NIfTI-2 and .hdr/.img pairs are rejected with
/// <see cref="InvalidInputException"/>, as are truncated files and dims that disagree with the data length.
/// </remarks>
public static class NiftiReader
{
    /// <summary>Reads a CT volume; voxel values are taken as Hounsfield units after scl_slope/scl_inter.</summary>
    /// <exception cref="InvalidInputException">When the file is missing, not NIfTI-1, truncated or unsupported.</exception>
    public static CtVolume ReadVolume(string path)
    {
        using var file = NiftiFile.Open(path);
        var raw = file.ReadVoxelBytes();
        var voxels = GC.AllocateUninitializedArray<float>(file.Width * file.Height * file.Depth);
        var (slope, intercept) = file.Scaling();
        VoxelDecoder.Decode(raw, file.Format, file.Header.BigEndian, slope, intercept, voxels);
        RequireFinite(path, voxels);
        return new CtVolume(file.Layout.Geometry, file.Layout.Apply(voxels), path, file.Layout.SeriesInstanceUid);
    }

    /// <summary>Reads a lesion mask: every voxel whose scaled value is non-zero becomes 1, every other 0.</summary>
    /// <exception cref="InvalidInputException">When the file is missing, not NIfTI-1, truncated or unsupported.</exception>
    public static LesionMask ReadMask(string path)
    {
        using var file = NiftiFile.Open(path);
        var raw = file.ReadVoxelBytes();
        var count = file.Width * file.Height * file.Depth;
        var labels = new byte[count];
        var (slope, intercept) = file.Scaling();
        var values = GC.AllocateUninitializedArray<float>(count);
        VoxelDecoder.Decode(raw, file.Format, file.Header.BigEndian, slope, intercept, values);
        RequireBinary(path, values);
        for (var i = 0; i < count; i++) labels[i] = values[i] != 0 ? (byte)1 : (byte)0;
        return new LesionMask(file.Layout.Geometry, file.Layout.Apply(labels), path);
    }

    // A NaN or infinite voxel has no HU; left in, it reads as air and turns a scan into a negative patient.
    private static void RequireFinite(string path, float[] voxels)
    {
        for (var i = 0; i < voxels.Length; i++)
        {
            if (!float.IsFinite(voxels[i]))
            {
                var bad = voxels.Count(v => !float.IsFinite(v));
                throw new InvalidInputException(path, $"{bad:N0} of {voxels.Length:N0} voxels are NaN or infinite (the first at voxel {i:N0}); expected Hounsfield units", field: "voxel data");
            }
        }
    }

    // A mask is background (0) and one lesion value; more values (0-255 gray, a probability map) are not a lesion mask.
    private static void RequireBinary(string path, float[] values)
    {
        float? lesion = null;
        foreach (var v in values)
        {
            if (v == 0) continue;
            if (!float.IsFinite(v)) throw new InvalidInputException(path, "the mask holds NaN or infinite values; expected 0 for background and one value for lesion", field: "voxel data");
            lesion ??= v;
            if (v != lesion)
            {
                throw new InvalidInputException(path, $"the mask holds several non-zero values ({lesion}, {v}, …); expected a binary mask: 0 for background and one value for lesion", field: "voxel data");
            }
        }
    }

    /// <summary>Reads only the header: the grid the file holds, without its voxels (for validating manifests quickly).</summary>
    /// <exception cref="InvalidInputException">When the file is missing, not NIfTI-1 or unsupported.</exception>
    public static VolumeGeometry ReadGeometry(string path)
    {
        using var file = NiftiFile.Open(path);
        return file.Layout.Geometry;
    }
}
