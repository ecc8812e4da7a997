namespace CovidCt.Data.IO;

/// <summary>
/// The most a deflate stream (gzip, zlib) can inflate to, so a size declared inside a compressed file that its bytes cannot
/// hold is refused before anything of that size is allocated: a NIfTI grid, a cache file's maps.
/// </summary>
public static class DeflateBound
{
    /// <summary>
    /// Deflate expands at most 1032:1 (258 bytes from one 2-bit code); the margin covers the gzip or zlib header and trailer,
    /// which only lower the real ratio.
    /// </summary>
    public const long MaximumInflation = 1040;

    /// <summary>The most bytes <paramref name="compressedBytes"/> of a deflate stream can inflate to.</summary>
    public static long InflatesToAtMost(long compressedBytes) => MaximumInflation * compressedBytes;
}
