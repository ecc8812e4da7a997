using System.Text;
using CovidCt.Data.IO;

namespace CovidCt.Data.Cohorts;

/// <summary>
/// A cohort manifest: a CSV with header <c>patient_id,label,images,masks,split,window,mask_labels</c> (masks, split, window
/// and mask_labels may be empty, and their columns may be left out), one row per patient. <c>window</c> is the WIDTH/LEVEL in
/// HU a PNG/JPEG slice folder was exported with (e.g. <c>1500/-600</c>); <c>mask_labels</c> the values of a label mask that
/// are lesion (e.g. <c>"1,2"</c>; empty: a binary 0/1 or 0/255 mask, <see cref="LesionLabels"/>). Paths are relative to the
/// manifest's folder, or absolute.
/// A manifest whose header has <c>image</c> instead of <c>images</c> is image-level (<see cref="CohortLevel.Image"/>): header
/// <c>image_id,image,mask,split,window</c>, one row per unrelated PNG/JPEG slice (docs/data.md).
/// </summary>
public sealed class CohortManifest
{
    /// <summary>The header the reader expects (columns masks, split, window and mask_labels optional); the writer leaves window and mask_labels out when no entry has one.</summary>
    public static readonly IReadOnlyList<string> Columns = ["patient_id", "label", "images", "masks", "split", "window", "mask_labels"];

    /// <summary>
    /// The <c>window</c> value of an image-level manifest row whose slice is read at the window fitted from its own histogram
    /// (<see cref="FittedWindows"/>); a slice from which no window can be fitted is a problem with its file and line.
    /// </summary>
    public const string FitWindowValue = "fit";

    private CohortManifest(string path, IReadOnlyList<CohortEntry> entries, CtReadOptions? imageOptions, CohortLevel level = CohortLevel.Patient,
        IReadOnlyList<FittedWindow>? fittedWindows = null)
    {
        Path = path;
        Entries = entries;
        ImageOptions = imageOptions;
        Level = level;
        FittedWindows = fittedWindows ?? [];
    }

    // The two folders of a cohort made from folders (it has no manifest file); null for a manifest.
    private string? _folders;

    /// <summary>What a case is: a patient (the default), or an unrelated slice (image-level manifests and <see cref="FromImageFolders"/>).</summary>
    public CohortLevel Level { get; }

    /// <summary>
    /// An image-level cohort of every PNG/JPEG slice in <paramref name="imagesFolder"/>, each paired with the file of the same
    /// name (up to the extension) in <paramref name="masksFolder"/>; its <see cref="Path"/> is the images folder.
    /// </summary>
    /// <param name="imagesFolder">The slices, of any sizes.</param>
    /// <param name="masksFolder">One mask per slice.</param>
    /// <param name="imageOptions">How the slices are read (their window).</param>
    /// <exception cref="CohortValidationException">Listing images without masks, masks without images, and unreadable or mismatched files.</exception>
    public static CohortManifest FromImageFolders(string imagesFolder, string masksFolder, CtReadOptions? imageOptions = null)
    {
        var images = System.IO.Path.GetFullPath(imagesFolder);
        var entries = ImageFolderCohort.Entries(images, System.IO.Path.GetFullPath(masksFolder), imageOptions);
        return new CohortManifest(images, entries, imageOptions, CohortLevel.Image) { _folders = $"image-folders\n{images}\n{System.IO.Path.GetFullPath(masksFolder)}\n" };
    }

    /// <summary>
    /// The images read at the window fitted from their own histogram, in cohort order (empty when none is): the rows whose
    /// <c>window</c> is <c>fit</c>, and after <see cref="WithWindowsFitted"/> every row that states no window. Poor fits are
    /// kept and say why (<see cref="FittedWindow.Fit"/>), for the caller to show before any number.
    /// </summary>
    public IReadOnlyList<FittedWindow> FittedWindows { get; }

    /// <summary>
    /// This image-level cohort with every image that has no read window (neither its row's nor a default) read at the window
    /// fitted from its own histogram, as if its row said <c>fit</c>; rows that state a window keep it. The cohort's fingerprint
    /// follows, since it hashes every entry's window.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the cohort is patient-level: a patient's slices share one export window.</exception>
    /// <exception cref="CohortValidationException">Listing every image from which no window can be fitted, with its file and line.</exception>
    public CohortManifest WithWindowsFitted()
    {
        if (Level != CohortLevel.Image)
        {
            throw new InvalidOperationException($"{Path} is a patient-level cohort; a window is fitted per image only in image-level cohorts, since a patient's slices share one export window");
        }
        var problems = new List<CohortProblem>();
        var limits = ImageOptions?.Limits ?? InputLimits.Default;
        var earlier = FittedWindows.ToDictionary(f => f.ImageId, StringComparer.Ordinal);
        var fitted = new List<FittedWindow>();
        var entries = new List<CohortEntry>();
        foreach (var entry in Entries)
        {
            var fit = earlier.GetValueOrDefault(entry.PatientId) ?? (entry.Window is null ? ImageWindowFitting.Fit(entry, Path, limits, problems) : null);
            if (fit is not null) fitted.Add(fit);
            entries.Add(fit is null ? entry : entry with { Window = fit.Window });
        }
        if (problems.Count > 0) throw new CohortValidationException(Path, problems);
        return new CohortManifest(Path, entries, ImageOptions, Level, fitted) { _folders = _folders };
    }

    /// <summary>
    /// The bytes that define the cohort besides its image files (for its fingerprint): the manifest file's bytes, or for a
    /// cohort made from folders, the two folders' paths.
    /// </summary>
    public byte[] DefinitionBytes() => _folders is null ? File.ReadAllBytes(Path) : Encoding.UTF8.GetBytes(_folders);

    /// <summary>The read options the manifest was loaded with; <see cref="CohortReader"/> reads with them unless told otherwise.</summary>
    public CtReadOptions? ImageOptions { get; }

    /// <summary>Absolute path of the manifest file.</summary>
    public string Path { get; }

    /// <summary>The folder relative paths resolve against.</summary>
    public string Folder => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>Patients in file order.</summary>
    public IReadOnlyList<CohortEntry> Entries { get; }

    /// <summary>Patients of <paramref name="split"/>, or every patient when it is null.</summary>
    public IEnumerable<CohortEntry> InSplit(CohortSplit? split) => split is null ? Entries : Entries.Where(e => e.Split == split);

    /// <summary>
    /// Loads and validates <paramref name="csvPath"/> completely before returning: the CSV itself, unique ids, labels,
    /// splits, that every image and mask exists and is readable (headers only, no voxels decoded, except the slices of rows
    /// whose window is <c>fit</c>, which are fitted here: <see cref="FittedWindows"/>), that series are not empty and that
    /// each mask has its image's size.
    /// </summary>
    /// <param name="csvPath">The manifest.</param>
    /// <param name="imageOptions">How images are read: the series choice, and the window of slice folders whose row states none (each entry's <see cref="CohortEntry.Window"/>).</param>
    /// <exception cref="CohortValidationException">Listing every problem found, each with file and line.</exception>
    public static CohortManifest Load(string csvPath, CtReadOptions? imageOptions = null)
    {
        var path = System.IO.Path.GetFullPath(csvPath);
        CsvTable table;
        try
        {
            table = CsvTable.Read(path);
        }
        catch (InvalidInputException e)
        {
            throw new CohortValidationException(path, [new CohortProblem(e.File, e.Line, e.Field, e.Problem)]);
        }
        var problems = new List<CohortProblem>();
        if (ImageLevelManifest.Matches(table))
        {
            var fitted = new List<FittedWindow>();
            var images = ImageLevelManifest.Entries(table, path, imageOptions, problems, fitted);
            if (problems.Count > 0) throw new CohortValidationException(path, problems.OrderBy(p => p.Line ?? 0).ToList());
            return new CohortManifest(path, images, imageOptions, CohortLevel.Image, fitted);
        }
        var missing = new[] { "patient_id", "label", "images" }.Where(c => !table.HasColumn(c)).ToList();
        var unknown = table.Header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var column in missing) problems.Add(new CohortProblem(path, 1, column, $"missing column '{column}'; the header must be {string.Join(",", Columns)}"));
        foreach (var column in unknown) problems.Add(new CohortProblem(path, 1, column, $"unknown column '{column}'; the header must be {string.Join(",", Columns)}"));
        if (missing.Count > 0) throw new CohortValidationException(path, problems);

        var folder = System.IO.Path.GetDirectoryName(path)!;
        var entries = new List<CohortEntry>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            // Every check runs on every row, so one pass reports all of a row's problems.
            var id = row.Optional("patient_id") ?? "";
            if (id.Length > 0 && !firstLineOfId.TryAdd(id, row.Line))
            {
                problems.Add(new CohortProblem(path, row.Line, "patient_id", $"duplicate patient_id '{id}' (first on line {firstLineOfId[id]})"));
            }
            var entry = ParseRow(row, folder, problems);
            var window = ParseWindow(row, problems);
            var maskLabels = ParseMaskLabels(row, problems) ?? imageOptions?.MaskLabels;
            CtSourceInfo? source = null;
            if (row.Optional("images") is { Length: > 0 } images)
            {
                var masks = row.Optional("masks") is { Length: > 0 } m ? m : null;
                var options = imageOptions is null ? new CtReadOptions { Window = window } : imageOptions with { Window = window ?? imageOptions.Window };
                source = CohortSourceCheck.Check(row.Line, path, images, System.IO.Path.GetFullPath(images, folder), masks, masks is null ? null : System.IO.Path.GetFullPath(masks, folder), options, problems);
            }
            if (window is not null && source is not null && source.Kind != CtSourceKind.SliceFolder)
            {
                problems.Add(new CohortProblem(path, row.Line, "window", $"is {window} but the images are {source.Kind}, which carry HU; a window applies to PNG/JPEG slice folders only"));
            }
            if (entry is null) continue;
            entry = entry with { MaskLabels = maskLabels };
            entries.Add(source?.Kind == CtSourceKind.SliceFolder ? entry with { Window = window ?? imageOptions?.Window } : entry);
        }
        if (problems.Count > 0) throw new CohortValidationException(path, problems.OrderBy(p => p.Line ?? 0).ToList());
        return new CohortManifest(path, entries, imageOptions);
    }

    private static Imaging.HounsfieldWindow? ParseWindow(CsvRow row, List<CohortProblem> problems)
    {
        if (row.Optional("window") is not { Length: > 0 } text) return null;
        if (IsFit(text))
        {
            problems.Add(new CohortProblem(row.File, row.Line, "window", $"'{text}' fits one slice's window from its own histogram and applies to image-level manifests (an image column); "
                + "the slices of a patient share one export window: state it as WIDTH/LEVEL ('covidct inspect FOLDER' prints the window that fits the folder best)"));
            return null;
        }
        if (Imaging.HounsfieldWindow.TryParse(text, out var window, out var problem)) return window;
        problems.Add(new CohortProblem(row.File, row.Line, "window", problem!));
        return null;
    }

    /// <summary>True when a <c>window</c> cell asks for the window fitted per image (<see cref="FitWindowValue"/>, any case).</summary>
    internal static bool IsFit(string text) => string.Equals(text.Trim(), FitWindowValue, StringComparison.OrdinalIgnoreCase);

    /// <summary>The row's <c>mask_labels</c> (<see cref="LesionLabels.TryParse"/>), or null when it states none; a bad value is a problem.</summary>
    internal static LesionLabels? ParseMaskLabels(CsvRow row, List<CohortProblem> problems)
    {
        if (row.Optional("mask_labels") is not { Length: > 0 } text) return null;
        if (LesionLabels.TryParse(text, out var labels, out var problem)) return labels;
        problems.Add(new CohortProblem(row.File, row.Line, "mask_labels", problem!));
        return null;
    }

    private static CohortEntry? ParseRow(CsvRow row, string folder, List<CohortProblem> problems)
    {
        var before = problems.Count;
        void Problem(string field, string message) => problems.Add(new CohortProblem(row.File, row.Line, field, message));

        var id = row.Optional("patient_id") ?? "";
        if (id.Length == 0) Problem("patient_id", "is empty; every patient needs an id");
        var labelText = row.Optional("label") ?? "";
        PatientLabel? label = labelText.ToLowerInvariant() switch
        {
            "covid" => PatientLabel.Covid,
            "control" => PatientLabel.Control,
            _ => null,
        };
        if (label is null) Problem("label", $"'{labelText}' is not a label; expected covid or control");
        var images = row.Optional("images") ?? "";
        if (images.Length == 0) Problem("images", "is empty; expected a DICOM folder, a NIfTI file or a folder of PNG/JPEG slices");
        var masks = row.Optional("masks") is { Length: > 0 } m ? m : null;
        var splitText = row.Optional("split") ?? "";
        CohortSplit? split = CohortSplitNames.TryParse(splitText, out var named) ? named : null;
        if (split is null && splitText.Length > 0) Problem("split", $"'{splitText}' is not a split; expected train, val, test or empty");
        if (problems.Count > before) return null;
        return new CohortEntry(id, label!.Value, images, masks, split) { Line = row.Line }.ResolvedAgainst(folder);
    }

    /// <summary>Writes a manifest with the standard header (with window and mask_labels columns when an entry has one); paths are written as given in the entries. Atomic.</summary>
    public static void Write(string csvPath, IEnumerable<CohortEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = entries.ToList();
        var withWindow = rows.Any(e => e.Window is not null);
        var withLabels = rows.Any(e => e.MaskLabels is not null);
        var text = new StringBuilder();
        text.Append(string.Join(",", Columns.Take(5).Concat(withWindow ? ["window"] : []).Concat(withLabels ? ["mask_labels"] : []))).Append('\n');
        foreach (var e in rows)
        {
            text.Append(Quote(e.PatientId)).Append(',')
                .Append(e.Label == PatientLabel.Covid ? "covid" : "control").Append(',')
                .Append(Quote(e.Images)).Append(',')
                .Append(Quote(e.Masks ?? "")).Append(',')
                .Append(e.Split?.Name() ?? "");
            if (withWindow) text.Append(',').Append(e.Window is { } w ? FormattableString.Invariant($"{w.Width}/{w.Level}") : "");
            if (withLabels) text.Append(',').Append(Quote(e.MaskLabels?.ToString() ?? ""));
            text.Append('\n');
        }
        AtomicFile.WriteAllText(csvPath, text.ToString());
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 || field != field.Trim() || field.StartsWith('#')
            ? "\"" + field.Replace("\"", "\"\"") + "\""
            : field;
}
