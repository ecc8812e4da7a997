namespace CovidCt.Data;

/// <summary>The three forms a CT study arrives in.</summary>
public enum CtSourceKind
{
    /// <summary>A folder, searched recursively, of DICOM Part-10 files.</summary>
    Dicom,

    /// <summary>A NIfTI-1 file (.nii or .nii.gz).</summary>
    Nifti,

    /// <summary>A folder of 8-bit PNG/JPEG slices, already windowed.</summary>
    SliceFolder,
}

/// <summary>What a CT source holds, learned from headers without decoding its voxels.</summary>
/// <param name="Kind">The form of the source.</param>
/// <param name="Width">Columns per slice.</param>
/// <param name="Height">Rows per slice.</param>
/// <param name="Depth">Number of slices.</param>
/// <param name="SliceNames">For a slice folder, the file names without extension in slice order; null otherwise.</param>
public sealed record CtSourceInfo(CtSourceKind Kind, int Width, int Height, int Depth, IReadOnlyList<string>? SliceNames = null);
