using System.CommandLine;
using CovidCt.Data;
using CovidCt.Imaging;

namespace CovidCt.Cli.Commands;

/// <summary>The options every command that reads a CT shares: which DICOM series, the window of PNG/JPEG slices, and the read limits.</summary>
internal sealed class CtSourceOptions
{
    public Option<string?> Series { get; } = new("--series") { Description = "Series Instance UID to read when a DICOM folder holds several." };

    /// <summary>The <c>--window</c> value that fits each image's window from its own histogram (image-level cohorts of evaluate, compare, sweep and cohort check).</summary>
    public const string FitPerImage = "fit-per-image";

    public Option<string?> Window { get; } = new("--window")
    {
        Description = $"WIDTH/LEVEL in HU the PNG/JPEG slices were exported with, e.g. 1500/-600 (a manifest's window column wins for its row). Default: the study's {StudyProtocol.LungWindow}, with a note. "
            + $"{FitPerImage} (evaluate, compare, sweep and cohort check on an image-level cohort): each image's window fitted from its own gray histogram, for slices exported at different windows "
            + $"(a manifest row does the same with the window value {Data.Cohorts.CohortManifest.FitWindowValue}).",
    };

    public ReadLimitOptions Limits { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Series);
        command.Options.Add(Window);
        Limits.AddTo(command);
    }

    /// <summary>True when <c>--window fit-per-image</c> was given.</summary>
    public bool FitsPerImage(ParseResult parse) => string.Equals(parse.GetValue(Window), FitPerImage, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The read options. <c>--window fit-per-image</c> is refused unless <paramref name="perImageFit"/> (evaluate, compare,
    /// sweep and cohort check, which fit each image once the cohort is loaded, <see cref="FittedWindows"/>); there it leaves the window unset.
    /// </summary>
    /// <exception cref="UsageException">When the window cannot be read, or is fit-per-image where it does not apply.</exception>
    public CtReadOptions Read(ParseResult parse, bool perImageFit = false)
    {
        if (FitsPerImage(parse) && !perImageFit)
        {
            throw new UsageException($"--window {FitPerImage} fits each image of an image-level cohort and applies to evaluate, compare, sweep and cohort check; here give WIDTH/LEVEL (inspect prints the window that fits the slices best)");
        }
        HounsfieldWindow? window = null;
        if (!FitsPerImage(parse) && parse.GetValue(Window) is { } text && !HounsfieldWindow.TryParse(text, out window, out var problem))
        {
            throw new UsageException($"--window: {problem}");
        }
        return new CtReadOptions { SeriesInstanceUid = parse.GetValue(Series), Window = window, Limits = Limits.Read(parse) };
    }

    /// <summary>
    /// The images of <paramref name="manifest"/> read at the window fitted from their own histogram: with <c>--window fit-per-image</c>
    /// every image without a stated window (the cohort to run is then the result's <see cref="PerImageWindows.Manifest"/>), else the
    /// rows whose window is <c>fit</c>; null when no image is fitted.
    /// </summary>
    /// <exception cref="UsageException">With --window fit-per-image on a patient-level cohort.</exception>
    public PerImageWindows? FittedWindows(ParseResult parse, Data.Cohorts.CohortManifest manifest) =>
        FitsPerImage(parse) ? PerImageWindows.Fit(manifest) : PerImageWindows.Of(manifest);
}
