using CovidCt.Data.Slices;

namespace CovidCt.Data.Cohorts;

/// <summary>The sizes of the PNG/JPEG slices in a folder, from their headers: what tells a series (one size) from a folder of unrelated slices.</summary>
public static class SliceImageSizes
{
    /// <summary>Each slice file of <paramref name="folder"/> in natural order with its width and height (no pixels decoded); a size beyond <paramref name="limits"/> is refused.</summary>
    /// <exception cref="IO.InvalidInputException">When the folder holds no slices or a file's header cannot be read.</exception>
    public static IReadOnlyList<(string File, int Width, int Height)> Of(string folder, InputLimits limits) =>
        SliceFolderReader.SliceFiles(folder).Select(f =>
        {
            var (width, height) = SliceImageCheck.Header(f, limits);
            return (f, width, height);
        }).ToArray();
}
