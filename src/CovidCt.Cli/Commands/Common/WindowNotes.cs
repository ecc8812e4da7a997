using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Data.Slices;
using CovidCt.Imaging;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// Makes the read window of every PNG/JPEG source visible before any number is printed: a note when none was stated (the
/// study's window is used), and a warning when the slices do not look like CT at the window they are read with; and a note
/// that a folder of several slices is ordered and spaced by convention, since PNG/JPEG files carry no geometry.
/// </summary>
internal static class WindowNotes
{
    /// <summary>
    /// Notes and checks the slice-folder entries of a cohort, decoding sampled slices within <paramref name="limits"/>; notes go
    /// to <paramref name="log"/> (null when quiet), warnings to <paramref name="warnings"/>. Images whose window was
    /// <paramref name="fitted"/> per image (a manifest row's <c>fit</c>, or <c>--window fit-per-image</c>) are not checked against it
    /// again: the fit's summary line and its poor fits are said instead.
    /// </summary>
    public static void Write(IEnumerable<CohortEntry> entries, InputLimits limits, TextWriter? log, TextWriter warnings, PerImageWindows? fitted = null)
    {
        if (fitted is not null)
        {
            log?.WriteLine(fitted.Summary);
            foreach (var warning in fitted.Warnings) warnings.WriteLine($"Warning: {warning}");
        }
        var unstated = new List<string>();
        var unplaced = new List<string>();
        var checkedFolders = new HashSet<(string, HounsfieldWindow?)>();
        foreach (var entry in entries)
        {
            if (IsSeries(entry.ImagesPath)) unplaced.Add(entry.PatientId);
            if (!IsEightBit(entry.ImagesPath) || fitted?.Fitted(entry.PatientId) == true) continue;
            if (entry.Window is null) unstated.Add(entry.PatientId);
            // Single slices (image-level cohorts) are checked together per folder: one crop holds too few pixels of each tissue for a stable fit.
            var source = File.Exists(entry.ImagesPath) ? Path.GetDirectoryName(entry.ImagesPath)! : entry.ImagesPath;
            if (checkedFolders.Add((source, entry.Window))) Check(source, entry.Window, limits, warnings);
        }
        if (unstated.Count > 0)
        {
            log?.WriteLine($"Note: {Plural.Count(unstated.Count, "PNG/JPEG source")} ({string.Join(", ", unstated.Take(5))}{(unstated.Count > 5 ? ", ..." : "")}) {(unstated.Count == 1 ? "has" : "have")} no stated window and {(unstated.Count == 1 ? "is" : "are")} read at the study's {StudyProtocol.LungWindow}; state it with --window WIDTH/LEVEL or the manifest's window column.");
        }
        if (unplaced.Count > 0) log?.WriteLine(GeometryNote($"{Plural.Count(unplaced.Count, "PNG/JPEG slice folder")} ({string.Join(", ", unplaced.Take(5))}{(unplaced.Count > 5 ? ", ..." : "")}) {(unplaced.Count == 1 ? "carries" : "carry")}"));
    }

    // PNG/JPEG files cannot state a geometry, so this is the format's convention rather than a suspicious input: a note, like the window's.
    private static string GeometryNote(string what) =>
        $"Note: {what} no geometry: slices are read in natural file-name order, the first as the most inferior, as axial slices 1 mm apart with 1 mm pixels; the patient rule counts consecutive slices in that order, so the file names must follow the anatomy (DICOM and NIfTI state their own geometry).";

    /// <summary>True when <paramref name="path"/> is a folder of more than one PNG/JPEG slice: a series whose order only the file names give.</summary>
    private static bool IsSeries(string path) => Directory.Exists(path) && IsEightBit(path) && SliceFolderReader.SliceFiles(path).Count > 1;

    /// <summary>Notes and checks one source when it is PNG/JPEG (a slice folder or a single slice file), read with <paramref name="read"/>.</summary>
    public static void Write(string path, CtReadOptions read, TextWriter? log, TextWriter warnings)
    {
        if (!IsEightBit(path)) return;
        if (read.Window is null) log?.WriteLine($"Note: {path} has no stated window and is read at the study's {StudyProtocol.LungWindow}; state it with --window WIDTH/LEVEL.");
        if (IsSeries(path)) log?.WriteLine(GeometryNote($"the slices of {path} carry"));
        Check(path, read.Window, read.Limits, warnings);
    }

    /// <summary>True when <paramref name="path"/> is a PNG/JPEG file or a folder of them.</summary>
    public static bool IsEightBit(string path) =>
        File.Exists(path) ? Path.GetExtension(path).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" : Directory.Exists(path) && CtReader.Detect(path) == CtSourceKind.SliceFolder;

    private static void Check(string path, HounsfieldWindow? window, InputLimits limits, TextWriter warnings)
    {
        var report = SliceWindowCheck.Check(path, window ?? StudyProtocol.LungWindow, limits);
        if (report.IsImplausible) warnings.WriteLine($"Warning: {report.Describe()}");
    }
}
