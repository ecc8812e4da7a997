namespace CovidCt.Data;

/// <summary>
/// Sizes an input may declare before anything is allocated for it, so that a small hostile file (a 399 KB PNG declaring
/// 20000x20000 pixels, a 2 MB .nii.gz declaring 1024x1024x1000 voxels) is refused in milliseconds instead of taking gigabytes.
/// The defaults fit any clinical chest CT; a larger study raises them (<c>--max-slice-pixels</c>, <c>--max-voxels</c> on the
/// command line), up to what one .NET array can hold.
/// </summary>
public sealed record InputLimits
{
    /// <summary>Default pixels per slice: 16384 x 16384, 32 times a 512 x 512 CT slice.</summary>
    public const long DefaultMaxSlicePixels = 16384L * 16384;

    /// <summary>Default voxels per volume: 512 Mi voxels, 2 GiB as float; a 512 x 512 CT of 2,048 slices just fits.</summary>
    public const long DefaultMaxVoxels = 1L << 29;

    /// <summary>The highest <see cref="MaxVoxels"/>: a volume is one float array, and a .NET array holds at most this many elements.</summary>
    public const long HighestMaxVoxels = 0x7FFFFFC7;

    /// <summary>The highest <see cref="MaxSlicePixels"/>: a PNG/JPEG slice is decoded into one array of 4 bytes (RGBA) per pixel.</summary>
    public const long HighestMaxSlicePixels = HighestMaxVoxels / 4;

    /// <summary>A slice needs at least this many rows and columns: the patient rule splits each slice into quadrants.</summary>
    public const int MinSliceSide = 2;

    /// <summary>The documented defaults.</summary>
    public static InputLimits Default { get; } = new();

    /// <summary>The highest limits, for what another check bounds already: a mask must have its image's grid, which was read within the limits.</summary>
    internal static InputLimits Highest { get; } = new() { MaxSlicePixels = HighestMaxSlicePixels, MaxVoxels = HighestMaxVoxels };

    /// <summary>At most this many pixels (rows x columns) in one slice of any source; default <see cref="DefaultMaxSlicePixels"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 4 (2 x 2) or above <see cref="HighestMaxSlicePixels"/>.</exception>
    public long MaxSlicePixels
    {
        get;
        init => field = InRange(value, MinSliceSide * MinSliceSide, HighestMaxSlicePixels, "pixels per slice");
    } = DefaultMaxSlicePixels;

    /// <summary>At most this many voxels in one volume of any source; default <see cref="DefaultMaxVoxels"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 4 (one 2 x 2 slice) or above <see cref="HighestMaxVoxels"/>.</exception>
    public long MaxVoxels
    {
        get;
        init => field = InRange(value, MinSliceSide * MinSliceSide, HighestMaxVoxels, "voxels per volume");
    } = DefaultMaxVoxels;

    private static long InRange(long value, long lowest, long highest, string what) =>
        value >= lowest && value <= highest ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"the limit of {what} must be {lowest:N0} to {highest:N0}; got {value:N0}");

    /// <summary>The error for a grid of <paramref name="voxels"/> voxels above <see cref="MaxVoxels"/>, or null when it fits.</summary>
    internal string? TooManyVoxels(long voxels, string grid) => voxels <= MaxVoxels ? null
        : $"declares {grid} = {voxels:N0} voxels, more than the limit of {MaxVoxels:N0} voxels per volume ({Gibibytes(MaxVoxels)} as float); raise it with --max-voxels";

    /// <summary>The error for a slice of <paramref name="width"/> x <paramref name="height"/> above <see cref="MaxSlicePixels"/>, or null when it fits.</summary>
    internal string? TooManyPixels(long width, long height) => width * height <= MaxSlicePixels ? null
        : $"declares {width}x{height} = {width * height:N0} pixels per slice, more than the limit of {MaxSlicePixels:N0}; raise it with --max-slice-pixels";

    /// <summary>The error for a slice under <see cref="MinSliceSide"/> on either side, or null when it is large enough.</summary>
    internal static string? TooSmall(long width, long height) => width >= MinSliceSide && height >= MinSliceSide ? null
        : $"the slices are {width}x{height} pixels; a CT slice needs at least {MinSliceSide}x{MinSliceSide} (two rows and two columns for the quadrants)";

    private static string Gibibytes(long voxels) => $"{voxels * sizeof(float) / (double)(1L << 30):0.##} GiB";
}
