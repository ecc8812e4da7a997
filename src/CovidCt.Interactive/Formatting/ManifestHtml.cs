using CovidCt.Data.Cohorts;
using CovidCt.Interactive.Html;

namespace CovidCt.Interactive.Formatting;

/// <summary>A cohort manifest in a notebook: its counts by label and split, then one row per patient (or image), not a nested dump.</summary>
public static class ManifestHtml
{
    /// <summary>Rows shown before the table is cut, with the count of the rest said below it.</summary>
    public const int RowLimit = 50;

    /// <summary>The summary line and the table of <paramref name="manifest"/>; paths are shown relative to the manifest's folder.</summary>
    public static string Manifest(CohortManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var entries = manifest.Entries;
        var covid = entries.Count(e => e.Label == PatientLabel.Covid);
        var splits = string.Join(", ", entries.GroupBy(e => e.Split?.Name() ?? "no split").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        var summary = $"{manifest.Path}: {Markup.Count(entries.Count)} {(manifest.Level == CohortLevel.Image ? "images" : "patients")} ({covid} covid, {entries.Count - covid} control; {splits}); {entries.Count(e => e.Masks is not null)} with masks";
        var rows = entries.Take(RowLimit).Select(e => (IReadOnlyList<Cell>)[Markup.Encode(e.PatientId), e.Label == PatientLabel.Covid ? "covid" : "control",
            Markup.Encode(e.Split?.Name() ?? ""), Markup.Encode(Relative(manifest, e.ImagesPath)), e.MasksPath is { } m ? Markup.Encode(Relative(manifest, m)) : "<span class=\"miss\">none</span>"]);
        var more = entries.Count > RowLimit ? Markup.Paragraph($"… and {Markup.Count(entries.Count - RowLimit)} more rows.") : "";
        return Markup.Block(Markup.Paragraph(summary), Markup.Table(null, ["Patient", "Label", "Split", "Images", "Masks"], rows), more);
    }

    private static string Relative(CohortManifest manifest, string path) => Path.GetRelativePath(manifest.Folder, path);
}
