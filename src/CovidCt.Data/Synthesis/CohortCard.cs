using System.Globalization;
using System.Text;
using System.Text.Json;
using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;

namespace CovidCt.Data.Synthesis;

/// <summary>One patient's line in the cohort card.</summary>
/// <param name="PatientId">Manifest id.</param>
/// <param name="Label">covid or control.</param>
/// <param name="Split">train, val or test.</param>
/// <param name="Source">"procedural", or the real series as written in the spec.</param>
/// <param name="Seed">The patient's seed.</param>
/// <param name="Width">Columns.</param>
/// <param name="Height">Rows.</param>
/// <param name="Slices">Slices.</param>
/// <param name="PixelSpacingMm">In-plane spacing.</param>
/// <param name="SliceThicknessMm">Slice thickness.</param>
/// <param name="NoiseSigmaHu">Simulated noise, or null for real CT.</param>
/// <param name="LungVolumeMl">Lung volume.</param>
/// <param name="LesionVolumeMl">COVID-19 lesion volume (0 for controls).</param>
/// <param name="LesionPercentOfLung">Lesion volume as a percentage of lung volume; null when the lung volume is 0 (undefined).</param>
/// <param name="LesionSlices">Slices with COVID-19 lesion voxels.</param>
/// <param name="LongestLesionRun">Longest run of consecutive lesion slices.</param>
/// <param name="Findings">Each finding's kind, e.g. "ground_glass".</param>
public sealed record CohortCardPatient(
    string PatientId, string Label, string Split, string Source, ulong Seed, int Width, int Height, int Slices,
    double PixelSpacingMm, double SliceThicknessMm, double? NoiseSigmaHu, double LungVolumeMl, double LesionVolumeMl,
    double? LesionPercentOfLung, int LesionSlices, int LongestLesionRun, IReadOnlyList<string> Findings);

/// <summary>The cohort card: spec, seed, counts and per-patient slices and lesion burden, as JSON and Markdown.</summary>
public static class CohortCard
{
    /// <summary>Version of the simulator; changes whenever the same spec would give different voxels.</summary>
    public const string GeneratorVersion = "covidct-synthesis 1";

    /// <summary>The card's <c>schema_version</c>: 2 since its fields are snake_case (version 1, camelCase, had no such field).</summary>
    public const int SchemaVersion = 2;

    /// <summary>Summarises <paramref name="patient"/> for the card.</summary>
    public static CohortCardPatient Describe(PlannedPatient plan, SimulatedPatient patient)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(patient);
        var g = patient.Volume.Geometry;
        var voxelMl = g.ColumnSpacing * g.RowSpacing * (g.Depth > 1 ? (g.SlicePositions[^1] - g.SlicePositions[0]) / (g.Depth - 1) : g.SliceThickness) / 1000;
        var lung = patient.LungVoxels * voxelMl;
        var lesion = patient.LesionVoxels * voxelMl;
        return new CohortCardPatient(
            plan.PatientId, Label(plan.Label), plan.Split.Name(), plan.Series ?? "procedural", plan.Seed,
            g.Width, g.Height, g.Depth, Round(g.ColumnSpacing), Round(g.SliceThickness),
            patient.NoiseSigmaHu is { } n ? Round(n) : null, Round(lung), Round(lesion),
            patient.LungVoxels > 0 ? Round(100.0 * patient.LesionVoxels / patient.LungVoxels) : null,
            patient.LesionSlices, patient.LongestLesionRun,
            patient.Findings.Select(f => JsonNamingPolicy.SnakeCaseLower.ConvertName(f.Kind.ToString())).ToArray());
    }

    /// <summary>Writes <c>cohort-card.json</c> and <c>cohort-card.md</c> into <paramref name="folder"/> (atomically).</summary>
    /// <param name="folder">Output folder.</param>
    /// <param name="spec">The spec built.</param>
    /// <param name="patients">The patients written.</param>
    /// <param name="splits">The splits built when only some were (see <see cref="CohortBuildOptions.Splits"/>), else null.</param>
    public static void Write(string folder, CohortSpec spec, IReadOnlyList<CohortCardPatient> patients, IReadOnlySet<CohortSplit>? splits = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(patients);
        var card = new
        {
            schema_version = SchemaVersion,
            name = spec.Name,
            generator = GeneratorVersion,
            seed = spec.Seed,
            specSha256 = spec.Sha256,
            maskThresholdHu = LesionSimulator.MaskThresholdHu,
            splitsBuilt = splits is null ? ["train", "val", "test"] : new[] { CohortSplit.Train, CohortSplit.Val, CohortSplit.Test }.Where(splits.Contains).Select(CohortSplitNames.Name).ToArray(),
            counts = Counts(patients),
            spec,
            patients,
        };
        // snake_case with a schema_version, as every output file of the platform (docs/cli.md).
        var options = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        AtomicFile.WriteAllText(Path.Combine(folder, "cohort-card.json"), JsonSerializer.Serialize(card, options) + "\n");
        AtomicFile.WriteAllText(Path.Combine(folder, "cohort-card.md"), Markdown(spec, patients, card.splitsBuilt));
    }

    private static object Counts(IReadOnlyList<CohortCardPatient> patients) =>
        new[] { "train", "val", "test" }.ToDictionary(s => s, s => new
        {
            covid = patients.Count(p => p.Split == s && p.Label == "covid"),
            control = patients.Count(p => p.Split == s && p.Label == "control"),
        });

    private static string Markdown(CohortSpec spec, IReadOnlyList<CohortCardPatient> patients, IReadOnlyList<string> splitsBuilt)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"# Cohort card: {spec.Name}\n\n");
        text.Append(c, $"Generator `{GeneratorVersion}`, seed {spec.Seed}, spec SHA-256 `{spec.Sha256}`. ");
        text.Append(c, $"Lesion masks hold exactly the voxels that COVID-19 findings changed (lesion field soft-thresholded at {LesionSimulator.MaskThresholdHu} HU). ");
        text.Append("Control patients have no mask; their findings are listed below.");
        if (splitsBuilt.Count < 3) text.Append(c, $" Only the {string.Join(" and ", splitsBuilt)} patients were built; the others are rebuilt byte for byte by building the spec in full.");
        text.Append("\n\n");
        text.Append("| split | covid | control |\n|---|---|---|\n");
        foreach (var s in new[] { "train", "val", "test" })
        {
            text.Append(c, $"| {s} | {patients.Count(p => p.Split == s && p.Label == "covid")} | {patients.Count(p => p.Split == s && p.Label == "control")} |\n");
        }
        text.Append("\n| patient | label | split | source | slices | pixel mm | slice mm | noise HU | lesion ml | lesion % of lung | lesion slices (longest run) | findings |\n");
        text.Append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var p in patients)
        {
            var findings = p.Findings.Count == 0 ? "none" : string.Join(", ", p.Findings.GroupBy(f => f).Select(g => g.Count() > 1 ? $"{g.Key} x{g.Count()}" : g.Key));
            text.Append(c, $"| {p.PatientId} | {p.Label} | {p.Split} | {p.Source} | {p.Slices} | {p.PixelSpacingMm} | {p.SliceThicknessMm} | {(p.NoiseSigmaHu is { } n ? n.ToString(c) : "real")} | {p.LesionVolumeMl} | {(p.LesionPercentOfLung is { } l ? l.ToString(c) : "undefined (no lung)")} | {p.LesionSlices} ({p.LongestLesionRun}) | {findings} |\n");
        }
        return text.ToString();
    }

    internal static string Label(PatientLabel label) => label == PatientLabel.Covid ? "covid" : "control";

    private static double Round(double value) => Math.Round(value, 3);
}
