using CovidCt.Data.IO;
using CovidCt.Data.Slices;

namespace CovidCt.Data.Cohorts;

/// <summary>
/// An image-level cohort from two folders: every PNG/JPEG slice in the images folder is its own case, and its mask is the
/// file in the masks folder with the same name up to the extension (<c>images/12.jpg</c> ↔ <c>masks/12.png</c>; names compare
/// exactly, case included). An image without a mask, or a mask without an image, is an error naming them: a lesion-free
/// slice is stated in an image-level manifest with an empty mask, never inferred from a missing file.
/// </summary>
internal static class ImageFolderCohort
{
    public static List<CohortEntry> Entries(string imagesFolder, string masksFolder, CtReadOptions? imageOptions)
    {
        var problems = new List<CohortProblem>();
        var images = ByName(imagesFolder, "--images", problems);
        var masks = ByName(masksFolder, "--masks", problems);
        var noMask = images.Keys.Where(k => !masks.ContainsKey(k)).ToList();
        var noImage = masks.Keys.Where(k => !images.ContainsKey(k)).ToList();
        if (noMask.Count > 0) problems.Add(new CohortProblem(masksFolder, null, "--masks", $"no mask for {noMask.Count} image(s): {Names(noMask, images)}; each image needs a mask of the same name (any of .png, .jpg, .jpeg), or list lesion-free slices in an image-level manifest with an empty mask"));
        if (noImage.Count > 0) problems.Add(new CohortProblem(imagesFolder, null, "--images", $"no image for {noImage.Count} mask(s): {Names(noImage, masks)}; remove them or add their slices"));
        var entries = new List<CohortEntry>();
        foreach (var (name, image) in images)
        {
            if (!masks.TryGetValue(name, out var mask)) continue;
            var entry = ImageLevelManifest.Entry(name, image, mask, null, imagesFolder) with { Window = imageOptions?.Window, MaskLabels = imageOptions?.MaskLabels };
            ImageLevelManifest.Check(entry, imagesFolder, null, imageOptions?.Limits ?? InputLimits.Default, problems);
            entries.Add(entry);
        }
        if (problems.Count > 0) throw new CohortValidationException(imagesFolder, problems);
        return entries;
    }

    // Slice files by name without extension, in natural order; two files of one name (12.png and 12.jpg) are ambiguous.
    private static Dictionary<string, string> ByName(string folder, string option, List<CohortProblem> problems)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<string> files;
        try
        {
            files = SliceFolderReader.SliceFiles(folder);
        }
        catch (InvalidInputException e)
        {
            problems.Add(new CohortProblem(folder, null, option, e.Problem));
            return byName;
        }
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!byName.TryAdd(name, file)) problems.Add(new CohortProblem(file, null, option, $"two files are named '{name}' ({Path.GetFileName(byName[name])} and {Path.GetFileName(file)}); the name pairs an image with its mask, so it must be unique"));
        }
        return byName;
    }

    private static string Names(List<string> names, Dictionary<string, string> files) =>
        string.Join(", ", names.Take(5).Select(n => Path.GetFileName(files[n]))) + (names.Count > 5 ? ", ..." : "");
}
