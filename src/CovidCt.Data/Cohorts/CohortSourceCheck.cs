using CovidCt.Data.IO;

namespace CovidCt.Data.Cohorts;

/// <summary>Checks that one manifest entry's image and mask exist, are readable from their headers, and fit each other; returns what the image holds (null when unreadable).</summary>
internal static class CohortSourceCheck
{
    public static CtSourceInfo? Check(int line, string manifestPath, string images, string imagesPath, string? masks, string? masksPath, CtReadOptions? options, List<CohortProblem> problems)
    {
        void Problem(string field, string message) => problems.Add(new CohortProblem(manifestPath, line, field, message));

        var image = Describe("images", images, imagesPath, () => CtReader.Describe(imagesPath, options), Problem);
        if (masks is null || masksPath is null) return image;
        var mask = Describe("masks", masks, masksPath, () => CtReader.DescribeMask(masksPath), Problem);
        if (image is null || mask is null) return image;
        if (mask.Width != image.Width || mask.Height != image.Height || mask.Depth != image.Depth)
        {
            Problem("masks", $"the mask {masksPath} is {mask.Width}x{mask.Height}x{mask.Depth} but the image is {image.Width}x{image.Height}x{image.Depth}");
        }
        else if (image.SliceNames is not null && mask.SliceNames is not null && !image.SliceNames.SequenceEqual(mask.SliceNames, StringComparer.Ordinal))
        {
            var unmatched = image.SliceNames.Except(mask.SliceNames, StringComparer.Ordinal).Take(3);
            Problem("masks", $"mask files in {masksPath} must be named like the slices; no mask for: {string.Join(", ", unmatched)}");
        }
        return image;
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
