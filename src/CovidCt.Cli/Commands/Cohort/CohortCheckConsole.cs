using CovidCt.Data.Cohorts;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// What <c>cohort check</c> prints: every problem with its line (exit 2), or a summary of the cases, splits and masks followed
/// by the read-window notes and warnings a run would print (the fitted windows included).
/// </summary>
internal static class CohortCheckConsole
{
    /// <summary>Writes <paramref name="result"/> and returns the exit code.</summary>
    public static int Write(TextWriter output, CohortCheckResult result)
    {
        if (result.Manifest is not { } manifest)
        {
            output.WriteLine($"{result.Path}: {Plural.Count(result.Problems.Count, "problem")}");
            foreach (var problem in result.Problems) output.WriteLine($"  {problem}");
            return CliApp.InputError;
        }
        Summarise(manifest, output);
        WindowNotes.Write(manifest.Entries, manifest.ImageOptions?.Limits ?? Data.InputLimits.Default, output, output, result.Windows);
        foreach (var warning in result.ReadWarnings) output.WriteLine($"Warning: {warning}");
        return CliApp.Success;
    }

    private static void Summarise(CohortManifest manifest, TextWriter output)
    {
        var entries = manifest.Entries;
        var covid = entries.Count(e => e.Label == PatientLabel.Covid);
        var unknownTruth = entries.Count(e => e.Label == PatientLabel.Covid && e.Masks is null);
        // An image-level cohort's label is whether the image has a mask (docs/data.md), so it is counted as such, not as patients.
        output.WriteLine(manifest.Level == CohortLevel.Image
            ? $"{manifest.Path}: OK, {Plural.Count(entries.Count, "image")} ({covid} with masks, {entries.Count - covid} without)"
            : $"{manifest.Path}: OK, {Plural.Count(entries.Count, "patient")} ({covid} covid, {entries.Count - covid} control)");
        var splits = entries.GroupBy(e => e.Split?.Name() ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal);
        output.WriteLine("Splits:        " + string.Join(", ", splits.Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine($"With masks:    {entries.Count(e => e.Masks is not null)}");
        if (unknownTruth > 0)
        {
            output.WriteLine($"Per-image truth unknown for {Plural.Count(unknownTruth, "covid patient")} without masks: left out of per-image metrics, counted per patient.");
        }
    }
}
