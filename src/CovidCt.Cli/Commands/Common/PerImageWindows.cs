using System.Globalization;
using System.Text;
using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>--window fit-per-image</c>: every image of an image-level cohort read at the window fitted from its own gray histogram
/// (<see cref="SliceWindowFit"/>), for slices exported at different windows (doctor50: W1430 to W3890). An image whose window
/// cannot be read from it is read at the window its folder fits as a whole (the study's when none fits), and every poor fit
/// is a warning. The fitted windows go into the cohort's entries, so the probability cache, which hashes each entry's window,
/// never mixes them with maps read at another window. Never the default: a stated window is the export's own.
/// </summary>
internal sealed class PerImageWindows
{
    /// <summary>The file evaluate writes the windows to, one row per image.</summary>
    public const string FileName = "windows.csv";

    private PerImageWindows(CohortManifest manifest, IReadOnlyList<FittedImage> images)
    {
        Manifest = manifest;
        Images = images;
    }

    /// <summary>The cohort with every image's fitted (or fallback) window.</summary>
    public CohortManifest Manifest { get; }

    /// <summary>Each fitted image, in cohort order (rows of a manifest that state their window are read at it, not fitted).</summary>
    public IReadOnlyList<FittedImage> Images { get; }

    /// <summary>True when the image with id <paramref name="id"/> was fitted.</summary>
    public bool Fitted(string id) => Images.Any(i => string.Equals(i.Entry.PatientId, id, StringComparison.Ordinal));

    /// <summary>One line for the run's header: how many images, the range and median of the windows, and how many fits are poor.</summary>
    public string Summary
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            if (Images.Count == 0) return "Window: fitted per image on no image: every row of the manifest states its window, which wins for its row.";
            var windows = Images.Select(i => i.Window).ToArray();
            var poor = Images.Count(i => i.Fit.IsPoor);
            return string.Create(c, $"Window: fitted per image on {Images.Count} image{(Images.Count == 1 ? "" : "s")}: width {windows.Min(w => w.Width):0} to {windows.Max(w => w.Width):0} HU, level {windows.Min(w => w.Level):0} to {windows.Max(w => w.Level):0} HU (median W{Median(windows.Select(w => w.Width)):0}/L{Median(windows.Select(w => w.Level)):0}); ")
                + (poor == 0 ? "every fit is good." : $"{poor} poor {(poor == 1 ? "fit" : "fits")}, see the warnings; every window is in {FileName} (evaluate).");
        }
    }

    /// <summary>One warning per poor fit: the image, why, and the window it is read at instead.</summary>
    public IReadOnlyList<string> Warnings => Images.Where(i => i.Fit.IsPoor)
        .Select(i => $"{i.Entry.PatientId}: the window fitted per image is poor ({string.Join("; ", i.Fit.Problems)}); read at {i.Window}{(i.Fit.Window is null ? ", its folder's fitted window" : "")}")
        .ToArray();

    /// <summary>Fits every image of <paramref name="manifest"/>, an image-level cohort, decoding within <paramref name="limits"/>.</summary>
    /// <exception cref="UsageException">When the cohort is patient-level: a patient's slices share one export window.</exception>
    public static PerImageWindows Fit(CohortManifest manifest, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Level != CohortLevel.Image)
        {
            throw new UsageException($"--window {CtSourceOptions.FitPerImage} applies to image-level cohorts (--images/--masks, or a manifest with an image column); the slices of a patient share one export window: state it with --window WIDTH/LEVEL or the manifest's window column ('covidct inspect FOLDER' prints the window that fits best)");
        }
        var folders = new Dictionary<string, HounsfieldWindow>(StringComparer.Ordinal);
        // A row's stated window wins for its row, as everywhere: only images without one are fitted.
        var images = manifest.Entries.Where(e => e.Window is null).Select(entry =>
        {
            var fit = SliceWindowFit.Of(entry.ImagesPath, limits);
            return new FittedImage(entry, fit, fit.Window ?? FolderWindow(Path.GetDirectoryName(entry.ImagesPath)!, limits, folders));
        }).ToArray();
        var byId = images.ToDictionary(i => i.Entry.PatientId, i => i.Window, StringComparer.Ordinal);
        return new PerImageWindows(manifest.WithWindows(e => byId.TryGetValue(e.PatientId, out var fitted) ? fitted : e.Window), images);
    }

    /// <summary>
    /// Writes <see cref="FileName"/>: image_id, image, window_width, window_level, fitted (1 when read from the image itself),
    /// the gray levels of the landmarks the fit used (air_gray, fat_gray (empty when the slice shows no separate fat peak, so
    /// air and soft tissue alone fix the window), soft_tissue_gray), and problems.
    /// </summary>
    public void WriteCsv(string path)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder("image_id,image,window_width,window_level,fitted,air_gray,fat_gray,soft_tissue_gray,problems\n");
        foreach (var i in Images)
        {
            var fit = i.Fit.Fit;
            text.Append(CsvField(i.Entry.PatientId)).Append(',').Append(CsvField(i.Entry.ImagesPath)).Append(',')
                .Append(string.Create(c, $"{i.Window.Width:R},{i.Window.Level:R},{(i.Fit.Window is null ? 0 : 1)},"))
                .Append(string.Create(c, $"{fit?.AirGray:0},{fit?.FatGray:0},{fit?.SoftTissueGray:0},"))
                .Append(CsvField(string.Join("; ", i.Fit.Problems))).Append('\n');
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }

    // The window a folder's pooled histogram fits (as inspect prints it), once per folder; the study's when none fits.
    private static HounsfieldWindow FolderWindow(string folder, InputLimits limits, Dictionary<string, HounsfieldWindow> folders)
    {
        if (!folders.TryGetValue(folder, out var window))
        {
            window = SliceWindowCheck.Check(folder, StudyProtocol.LungWindow, limits).Fit?.BestWindow ?? StudyProtocol.LungWindow;
            folders.Add(folder, window);
        }
        return window;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string CsvField(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}

/// <summary>One image of <see cref="PerImageWindows"/>.</summary>
/// <param name="Entry">The cohort row.</param>
/// <param name="Fit">What its own histogram gave.</param>
/// <param name="Window">The window it is read at: the fitted one, or its folder's when none could be fitted.</param>
internal sealed record FittedImage(CohortEntry Entry, SliceWindowFit Fit, HounsfieldWindow Window);
