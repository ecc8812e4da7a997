using CovidCt.Data.IO;

namespace CovidCt.Data.Cohorts;

/// <summary>Checks that one manifest entry's image and mask exist, are readable from their headers, and fit each other.</summary>
internal static class CohortSourceCheck
{
    public static void Check(CohortEntry entry, string manifestPath, CtReadOptions? options, List<CohortProblem> problems)
    {
        void Problem(string field, string message) => problems.Add(new CohortProblem(manifestPath, entry.Line, field, message));

        var image = Describe("images", entry.Images, entry.ImagesPath, () => CtReader.Describe(entry.ImagesPath, options), Problem);
        if (entry.MasksPath is null) return;
        var mask = Describe("masks", entry.Masks!, entry.MasksPath, () => CtReader.DescribeMask(entry.MasksPath), Problem);
        if (image is null || mask is null) return;
        if (mask.Width != image.Width || mask.Height != image.Height || mask.Depth != image.Depth)
        {
            Problem("masks", $"the mask {entry.MasksPath} is {mask.Width}x{mask.Height}x{mask.Depth} but the image is {image.Width}x{image.Height}x{image.Depth}");
        }
        else if (image.SliceNames is not null && mask.SliceNames is not null && !image.SliceNames.SequenceEqual(mask.SliceNames, StringComparer.Ordinal))
        {
            var unmatched = image.SliceNames.Except(mask.SliceNames, StringComparer.Ordinal).Take(3);
            Problem("masks", $"mask files in {entry.MasksPath} must be named like the slices; no mask for: {string.Join(", ", unmatched)}");
        }
    }

    private static CtSourceInfo? Describe(string field, string written, string path, Func<CtSourceInfo> describe, Action<string, string> problem)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            problem(field, $"'{written}' does not exist (resolved to {path})");
            return null;
        }
        try
        {
            var info = describe();
            if (info.Depth == 0) problem(field, $"{path} holds no slices");
            return info;
        }
        catch (InvalidInputException e)
        {
            problem(field, e.Message);
            return null;
        }
    }
}
