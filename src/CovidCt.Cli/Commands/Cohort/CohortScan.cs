using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;

namespace CovidCt.Cli.Commands;

/// <summary>
/// Matches the CT sources under a folder tree (<see cref="CohortSources"/>) with the rows of a labels CSV
/// (<c>patient_id,label</c>, optional <c>split</c>, <c>masks</c> and <c>source</c>) into manifest entries. A row finds its source
/// by its <c>source</c> column (the path under the root) or else by a folder or NIfTI file named as the patient. Every
/// unlabeled source, every patient without or with several sources, and every repeated patient or source is a problem, and
/// all of them are reported together: a manifest is written only when there is none.
/// </summary>
internal static class CohortScan
{
    public static IReadOnlyList<CohortEntry> Match(string root, string labelsPath, string manifestFolder)
    {
        var table = CsvTable.Read(labelsPath);
        table.RequireColumns("patient_id", "label");
        var sources = CohortSources.Find(root);
        var labelsFolder = Path.GetDirectoryName(Path.GetFullPath(labelsPath))!;
        var problems = new List<CohortProblem>();
        void Problem(int? line, string? field, string message) => problems.Add(new CohortProblem(labelsPath, line, field, message));

        var entries = new List<CohortEntry>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        // Mask files named by any row are not series: a tree that keeps masks beside the images (masks/P1.nii.gz next to
        // images/P1.nii.gz) would otherwise give every patient two candidate series.
        var masks = table.Rows.Select(row => row.Optional("masks")).OfType<string>().Where(text => text.Length > 0)
            .Select(text => Path.GetRelativePath(root, Path.GetFullPath(text, labelsFolder)).Replace(Path.DirectorySeparatorChar, '/'))
            .ToHashSet(StringComparer.Ordinal);
        var series = sources.Where(s => !masks.Contains(s)).ToArray();
        foreach (var row in table.Rows)
        {
            var id = row.Optional("patient_id") ?? "";
            if (id.Length == 0) { Problem(row.Line, "patient_id", "is empty; every row needs a patient id"); continue; }
            if (!ids.TryAdd(id, row.Line)) { Problem(row.Line, "patient_id", $"'{id}' is repeated (first on line {ids[id]}); one row per patient"); continue; }
            PatientLabel? label = (row.Optional("label") ?? "").ToLowerInvariant() switch { "covid" => PatientLabel.Covid, "control" => PatientLabel.Control, _ => null };
            if (label is null) Problem(row.Line, "label", $"'{row.Optional("label")}' is not a label; expected covid or control");
            CohortSplit? split = null;
            if (row.Optional("split") is { Length: > 0 } splitText)
            {
                if (CohortSplitNames.TryParse(splitText, out var named)) split = named;
                else Problem(row.Line, "split", $"'{splitText}' is not a split; expected train, val, test or empty");
            }
            string? mask = null;
            if (row.Optional("masks") is { Length: > 0 } maskText)
            {
                mask = Path.GetFullPath(maskText, labelsFolder);
                if (!File.Exists(mask) && !Directory.Exists(mask)) Problem(row.Line, "masks", $"'{maskText}' does not exist (resolved against {labelsFolder})");
            }
            var source = SourceOf(row, id, series, Problem);
            if (source is null || label is null) continue;
            if (!owners.TryAdd(source, id)) { Problem(row.Line, "source", $"'{source}' is already the source of patient '{owners[source]}'; each series belongs to one patient"); continue; }
            entries.Add(new CohortEntry(id, label.Value, Relative(manifestFolder, Path.Combine(root, source)), mask is null ? null : Relative(manifestFolder, mask), split));
        }
        foreach (var source in series.Where(s => !owners.ContainsKey(s)))
        {
            Problem(null, null, $"the series '{source}' under {root} has no row: add one (patient_id,label), name it in a source column, or move it out of the folder");
        }
        if (problems.Count > 0) throw new CohortValidationException(labelsPath, problems);
        if (entries.Count == 0) throw new CohortValidationException(labelsPath, [new CohortProblem(labelsPath, null, null, $"no patient row matched a series under {root}")]);
        return entries;
    }

    private static string? SourceOf(CsvRow row, string id, IReadOnlyList<string> sources, Action<int?, string?, string> problem)
    {
        if (row.Optional("source") is { Length: > 0 } named)
        {
            var normalised = named.Replace('\\', '/').TrimEnd('/');
            if (sources.Contains(normalised, StringComparer.Ordinal)) return normalised;
            problem(row.Line, "source", $"'{named}' is not a DICOM series folder or NIfTI file under the scanned folder");
            return null;
        }
        var candidates = sources.Where(s => s.Split('/').Select(StripNifti).Contains(id, StringComparer.Ordinal)).ToArray();
        if (candidates.Length == 1) return candidates[0];
        problem(row.Line, "patient_id", candidates.Length == 0
            ? $"no series found for patient '{id}': expected a folder or NIfTI file named '{id}' on the path of a DICOM series, or a source column naming it"
            : $"{candidates.Length} series found for patient '{id}' ({string.Join(", ", candidates)}); name the one to use in a source column");
        return null;
    }

    private static string StripNifti(string name) =>
        name.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase) ? name[..^7] : name.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;

    private static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
}
