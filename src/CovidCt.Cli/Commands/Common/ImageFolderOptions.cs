using System.CommandLine;
using CovidCt.Data;
using CovidCt.Data.Cohorts;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>--images DIR --masks DIR</c>: an image-level cohort straight from two folders of unrelated slices (any sizes), each
/// image paired with the mask of the same file name up to the extension; instead of <c>--cohort</c>.
/// </summary>
internal sealed class ImageFolderOptions
{
    public Option<DirectoryInfo?> Images { get; } = new("--images")
    {
        Description = "Folder of unrelated PNG/JPEG slices (any sizes), each its own case: an image-level cohort instead of --cohort. Needs --masks.",
    };

    public Option<DirectoryInfo?> Masks { get; } = new("--masks")
    {
        Description = "Folder of the --images slices' masks, paired by file name up to the extension (12.jpg with 12.png); an image or mask without its partner is an error.",
    };

    public Option<string?> MaskLabels { get; } = new("--mask-labels")
    {
        Description = "The --masks values that are lesion when they are label masks, e.g. 1,2 (1 = ground glass, 2 = consolidation); 0 and other labels are background. "
            + "Default: binary masks, 0 background and 1 or 255 lesion; any other values are an error. A manifest states it per row in its mask_labels column.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Images);
        command.Options.Add(Masks);
        command.Options.Add(MaskLabels);
    }

    /// <summary>The image-level cohort of the two folders, or null when neither option is given.</summary>
    /// <param name="parse">The command line.</param>
    /// <param name="cohortGiven">True when the command was also given a manifest, named <paramref name="cohortName"/> in the message that refuses both.</param>
    /// <param name="read">How the slices are read.</param>
    /// <param name="cohortName">What the command calls its manifest: --cohort (evaluate, compare, sweep) or "a manifest" (cohort check's argument).</param>
    /// <exception cref="UsageException">When only one of the two is given, or with <paramref name="cohortGiven"/>, or --mask-labels without them or unreadable.</exception>
    public CohortManifest? Cohort(ParseResult parse, bool cohortGiven, CtReadOptions read, string cohortName = "--cohort")
    {
        ArgumentNullException.ThrowIfNull(read);
        var (images, masks) = (parse.GetValue(Images), parse.GetValue(Masks));
        var labels = parse.GetValue(MaskLabels);
        if (labels is not null && images is null && masks is null)
        {
            // A manifest keeps the choice with its data, so a rerun of the same manifest reads the same truth.
            throw new UsageException("--mask-labels applies to --images/--masks; a manifest states its label masks per row in a mask_labels column (e.g. \"1,2\")");
        }
        if (labels is not null)
        {
            if (!LesionLabels.TryParse(labels, out var parsed, out var problem)) throw new UsageException($"--mask-labels: {problem}");
            read = read with { MaskLabels = parsed };
        }
        if (images is null && masks is null) return null;
        if (cohortGiven) throw new UsageException($"--images/--masks make a cohort of their own; give either them or {cohortName}, not both");
        if (images is null || masks is null) throw new UsageException($"{(images is null ? "--masks" : "--images")} needs {(images is null ? "--images" : "--masks")} too: an image-level cohort pairs each slice with its mask");
        return CohortManifest.FromImageFolders(images.FullName, masks.FullName, read);
    }
}
