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

    public void AddTo(Command command)
    {
        command.Options.Add(Images);
        command.Options.Add(Masks);
    }

    /// <summary>The image-level cohort of the two folders, or null when neither option is given.</summary>
    /// <exception cref="UsageException">When only one of the two is given, or with <paramref name="cohortGiven"/>.</exception>
    public CohortManifest? Cohort(ParseResult parse, bool cohortGiven, CtReadOptions read)
    {
        var (images, masks) = (parse.GetValue(Images), parse.GetValue(Masks));
        if (images is null && masks is null) return null;
        if (cohortGiven) throw new UsageException("--images/--masks make a cohort of their own; give either them or --cohort, not both");
        if (images is null || masks is null) throw new UsageException($"{(images is null ? "--masks" : "--images")} needs {(images is null ? "--images" : "--masks")} too: an image-level cohort pairs each slice with its mask");
        return CohortManifest.FromImageFolders(images.FullName, masks.FullName, read);
    }
}
