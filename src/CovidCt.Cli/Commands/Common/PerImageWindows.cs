using System.Globalization;
using System.Text;
using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// What the command line says about the images of an image-level cohort read at the window fitted from their own histogram
/// (<see cref="CohortManifest.FittedWindows"/>, fitted in the Data layer: a manifest row whose window is <c>fit</c>, or every
/// row without a window under <c>--window fit-per-image</c>): one summary line before any number, a warning per poor fit, and
/// <see cref="FileName"/>. The fitted windows are the entries' windows, so the probability cache, which hashes each entry's
/// window, never mixes them with maps read at another window. Never the default: a stated window is the export's own.
/// </summary>
internal sealed class PerImageWindows
{
    /// <summary>The file evaluate writes the windows to, one row per fitted image.</summary>
    public const string FileName = "windows.csv";

    private PerImageWindows(CohortManifest manifest) => Manifest = manifest;

    /// <summary>The cohort, every fitted image read at its fitted window.</summary>
    public CohortManifest Manifest { get; }

    /// <summary>Each fitted image, in cohort order (rows that state their window are read at it, not fitted).</summary>
    public IReadOnlyList<FittedWindow> Images => Manifest.FittedWindows;

    /// <summary>True when the image with id <paramref name="id"/> was fitted.</summary>
    public bool Fitted(string id) => Images.Any(i => string.Equals(i.ImageId, id, StringComparison.Ordinal));

    /// <summary>One line for the run's header: how many images, the range and median of the windows, and how many fits are poor.</summary>
    public string Summary
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            if (Images.Count == 0) return "Window: fitted per image on no image: every row of the manifest states its window, which wins for its row.";
            var windows = Images.Select(i => i.Window).ToArray();
            var poor = Images.Count(i => i.Fit.IsPoor);
            var spread = windows.Length == 1
                ? $"{windows[0]}"
                : string.Create(c, $"width {windows.Min(w => w.Width):0} to {windows.Max(w => w.Width):0} HU, level {windows.Min(w => w.Level):0} to {windows.Max(w => w.Level):0} HU (median W{Median(windows.Select(w => w.Width)):0}/L{Median(windows.Select(w => w.Level)):0})");
            return $"Window: fitted per image on {Plural.Count(Images.Count, "image")}: {spread}; "
                + (poor == 0 ? "every fit is good." : $"{Plural.Count(poor, "poor fit")}, see the warnings; every window is in {FileName} (evaluate).");
        }
    }

    /// <summary>One warning per poor fit: the image (and its manifest line), why, and the window it is read at all the same.</summary>
    public IReadOnlyList<string> Warnings => Images.Where(i => i.Fit.IsPoor)
        .Select(i => $"{i.ImageId}{(i.Line is { } line ? $" (line {line})" : "")}: the window fitted per image is poor ({string.Join("; ", i.Fit.Problems)}); read at {i.Window}")
        .ToArray();

    /// <summary>The images of <paramref name="manifest"/> whose rows say <c>fit</c>, or null when none does.</summary>
    public static PerImageWindows? Of(CohortManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.FittedWindows.Count == 0 ? null : new PerImageWindows(manifest);
    }

    /// <summary><c>--window fit-per-image</c>: every image of <paramref name="manifest"/> without a stated window fitted (<see cref="CohortManifest.WithWindowsFitted"/>).</summary>
    /// <exception cref="UsageException">When the cohort is patient-level: a patient's slices share one export window.</exception>
    /// <exception cref="CohortValidationException">Naming every image from which no window can be fitted.</exception>
    public static PerImageWindows Fit(CohortManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Level != CohortLevel.Image)
        {
            throw new UsageException($"--window {CtSourceOptions.FitPerImage} applies to image-level cohorts (--images/--masks, or a manifest with an image column); the slices of a patient share one export window: state it with --window WIDTH/LEVEL or the manifest's window column ('covidct inspect FOLDER' prints the window that fits best)");
        }
        return new PerImageWindows(manifest.WithWindowsFitted());
    }

    /// <summary>
    /// Writes <see cref="FileName"/>: image_id, image, window_width, window_level, the gray levels of the landmarks the fit used
    /// (air_gray, fat_gray (empty when the slice shows no separate fat peak, so air and soft tissue alone fix the window),
    /// soft_tissue_gray), and problems (empty for a good fit).
    /// </summary>
    public void WriteCsv(string path)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder("image_id,image,window_width,window_level,air_gray,fat_gray,soft_tissue_gray,problems\n");
        foreach (var i in Images)
        {
            var fit = i.Fit.Fit;
            text.Append(CsvField(i.ImageId)).Append(',').Append(CsvField(i.Image)).Append(',')
                .Append(string.Create(c, $"{i.Window.Width:R},{i.Window.Level:R},"))
                .Append(string.Create(c, $"{fit?.AirGray:0},{fit?.FatGray:0},{fit?.SoftTissueGray:0},"))
                .Append(CsvField(string.Join("; ", i.Fit.Problems))).Append('\n');
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string CsvField(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
