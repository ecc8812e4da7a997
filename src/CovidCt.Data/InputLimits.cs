namespace CovidCt.Data;

/// <summary>
/// Sizes an input may declare before anything is allocated for it, so that a small hostile file (a 399 KB PNG declaring
/// 20000x20000 pixels, a 2 MB .nii.gz declaring 1024x1024x1000 voxels) is refused in milliseconds instead of taking gigabytes.
/// </summary>
public static class InputLimits
{
    /// <summary>At most this many pixels in one PNG/JPEG slice: 16384 x 16384, 32 times a 512 x 512 CT slice.</summary>
    public const long MaxSlicePixels = 16384L * 16384;

    /// <summary>A slice needs at least this many rows and columns: the patient rule splits each slice into quadrants.</summary>
    public const int MinSliceSide = 2;

    /// <summary>
    /// At most this many voxels in one volume: 512 Mi voxels, 2 GiB as float; a 512 x 512 CT of 2,048 slices just fits.
    /// </summary>
    public const long MaxVoxels = 1L << 29;

    /// <summary>The error for a grid of <paramref name="voxels"/> voxels above <see cref="MaxVoxels"/>, or null when it fits.</summary>
    internal static string? TooManyVoxels(long voxels, string grid) => voxels <= MaxVoxels ? null
        : $"declares {grid} = {voxels:N0} voxels, more than the limit of {MaxVoxels:N0} voxels (2 GiB as float) per volume";
}
