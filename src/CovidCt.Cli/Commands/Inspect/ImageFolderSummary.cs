using System.Globalization;
using CovidCt.Data;
using CovidCt.Data.Cohorts;

namespace CovidCt.Cli.Commands;

/// <summary>
/// What <c>inspect</c> reports about a folder of PNG/JPEG slices of different sizes: not a series but unrelated slices, each
/// its own case (an image-level cohort); the JSON field names are the property names in snake_case.
/// </summary>
internal sealed record ImageFolderSummary(int SchemaVersion, string Source, string Kind, int Images, int DistinctSizes, string SmallestSize, string LargestSize,
    float MinHu, float MaxHu, double MeanHu, string? ReadWindow, string? FittedWindow, IReadOnlyList<string> WindowProblems)
{
    /// <summary>The sizes from the headers, and the HU range of every slice read at <paramref name="read"/>'s window.</summary>
    public static ImageFolderSummary Of(string folder, IReadOnlyList<(string File, int Width, int Height)> sizes, CtReadOptions read, Data.Slices.SliceWindowReport check)
    {
        var (min, max, sum, count) = (float.PositiveInfinity, float.NegativeInfinity, 0.0, 0L);
        foreach (var (file, _, _) in sizes)
        {
            foreach (var v in CtReader.ReadSliceOrVolume(file, read).Hounsfield)
            {
                if (v < min) min = v;
                if (v > max) max = v;
                sum += v;
                count++;
            }
        }
        var byArea = sizes.OrderBy(s => (long)s.Width * s.Height).ToArray();
        static string Size((string File, int Width, int Height) s) => string.Create(CultureInfo.InvariantCulture, $"{s.Width}x{s.Height}");
        return new ImageFolderSummary(Reporting.Files.OutputJson.SchemaVersion, folder, "ImageFolder", sizes.Count, sizes.Select(s => (s.Width, s.Height)).Distinct().Count(),
            Size(byArea[0]), Size(byArea[^1]), min, max, sum / count, check.Window.ToString(), check.Fit?.BestWindow?.ToString(), check.Problems);
    }
}
