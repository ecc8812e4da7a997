using CovidCt.Data.IO;

namespace CovidCt.Data.Cohorts;

/// <summary>
/// The image-level manifest: header <c>image_id,image,mask,split,window,mask_labels</c> (all but <c>image</c> optional), one row per
/// PNG/JPEG slice file, each its own case. <c>image_id</c> defaults to the file name without extension; an empty <c>mask</c>
/// states a lesion-free slice (a control), never a missing one; a <c>window</c> of <c>fit</c> reads the slice at the window
/// fitted from its own histogram (<see cref="ImageWindowFitting"/>).
/// </summary>
internal static class ImageLevelManifest
{
    public static readonly IReadOnlyList<string> Columns = ["image_id", "image", "mask", "split", "window", "mask_labels"];

    /// <summary>True when <paramref name="table"/> has the image-level header (an <c>image</c> column and no <c>images</c> column).</summary>
    public static bool Matches(CsvTable table) => table.HasColumn("image") && !table.HasColumn("images");

    /// <summary>The entries of an image-level manifest; every problem goes to <paramref name="problems"/>, and the windows fitted for rows that say <c>fit</c> to <paramref name="fitted"/>.</summary>
    public static List<CohortEntry> Entries(CsvTable table, string path, CtReadOptions? imageOptions, List<CohortProblem> problems, List<FittedWindow> fitted)
    {
        foreach (var column in table.Header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add(new CohortProblem(path, 1, column, $"unknown column '{column}'; an image-level manifest's header is {string.Join(",", Columns)}"));
        }
        var folder = Path.GetDirectoryName(path)!;
        var entries = new List<CohortEntry>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            void Problem(string field, string message) => problems.Add(new CohortProblem(path, row.Line, field, message));
            var image = row.Optional("image") ?? "";
            if (image.Length == 0)
            {
                Problem("image", "is empty; expected a PNG or JPEG slice file");
                continue;
            }
            var id = row.Optional("image_id") is { Length: > 0 } given ? given : Path.GetFileNameWithoutExtension(image);
            if (!firstLineOfId.TryAdd(id, row.Line)) Problem("image_id", $"duplicate image id '{id}' (first on line {firstLineOfId[id]}); give each row a distinct image_id");
            var mask = row.Optional("mask") is { Length: > 0 } m ? m : null;
            var splitText = row.Optional("split") ?? "";
            CohortSplit? split = CohortSplitNames.TryParse(splitText, out var named) ? named : null;
            if (split is null && splitText.Length > 0) Problem("split", $"'{splitText}' is not a split; expected train, val, test or empty");
            Imaging.HounsfieldWindow? window = null;
            var fit = row.Optional("window") is { Length: > 0 } text && CohortManifest.IsFit(text);
            if (!fit && row.Optional("window") is { Length: > 0 } stated && !Imaging.HounsfieldWindow.TryParse(stated, out window, out var windowProblem))
            {
                Problem("window", windowProblem + $", or {CohortManifest.FitWindowValue} for the window fitted from the slice itself");
            }
            var maskLabels = CohortManifest.ParseMaskLabels(row, problems) ?? imageOptions?.MaskLabels;
            var entry = Entry(id, image, mask, split, folder) with { Window = window ?? imageOptions?.Window, MaskLabels = maskLabels, Line = row.Line };
            var limits = imageOptions?.Limits ?? InputLimits.Default;
            var before = problems.Count;
            Check(entry, path, row.Line, limits, problems);
            // Fitted only once the files are known good: the fit decodes the slice.
            if (fit && problems.Count == before && ImageWindowFitting.Fit(entry, path, limits, problems) is { } fitting)
            {
                fitted.Add(fitting);
                entry = entry with { Window = fitting.Window };
            }
            entries.Add(entry);
        }
        return entries;
    }

    /// <summary>One image's entry: labelled COVID-19 when it has a mask (its slice truth comes from the mask), control when it has none.</summary>
    public static CohortEntry Entry(string id, string image, string? mask, CohortSplit? split, string folder) =>
        new CohortEntry(id, mask is null ? PatientLabel.Control : PatientLabel.Covid, image, mask, split).ResolvedAgainst(folder);

    /// <summary>Checks that the image and mask are PNG/JPEG files of one size, from their headers.</summary>
    public static void Check(CohortEntry entry, string path, int? line, InputLimits limits, List<CohortProblem> problems)
    {
        var image = Describe(entry.ImagesPath, entry.Images, "image", path, line, limits, problems);
        if (entry.MasksPath is null) return;
        var mask = Describe(entry.MasksPath, entry.Masks!, "mask", path, line, limits, problems);
        if (image is not null && mask is not null && (image.Width != mask.Width || image.Height != mask.Height))
        {
            problems.Add(new CohortProblem(path, line, "mask", $"the mask {entry.MasksPath} is {mask.Width}x{mask.Height} but the image {entry.ImagesPath} is {image.Width}x{image.Height}"));
        }
    }

    private static CtSourceInfo? Describe(string file, string written, string field, string path, int? line, InputLimits limits, List<CohortProblem> problems)
    {
        if (!SliceImageFile.Is(file))
        {
            var what = File.Exists(file) ? "is not a .png, .jpg or .jpeg file" : "does not exist";
            problems.Add(new CohortProblem(path, line, field, $"'{written}' {what} (resolved to {file}); expected one PNG or JPEG slice"));
            return null;
        }
        try
        {
            return SliceImageFile.Describe(file, limits);
        }
        catch (InvalidInputException e)
        {
            problems.Add(new CohortProblem(path, line, field, e.Message));
            return null;
        }
    }
}
