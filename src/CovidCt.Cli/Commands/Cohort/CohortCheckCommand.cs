using System.CommandLine;
using CovidCt.Data.Cohorts;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct cohort check MANIFEST.csv</c>: validates a manifest completely (every image and mask readable, sizes, ids,
/// labels, splits) and prints either a summary or every problem with its line; exit 2 on problems.
/// </summary>
internal static class CohortCheckCommand
{
    public static Command Create(TextWriter output)
    {
        var manifest = new Argument<string>("manifest") { Description = "The cohort manifest CSV (patient_id,label,images,masks,split)." };
        var ct = new CtSourceOptions();
        var command = new Command("check", "Validate a cohort manifest: reports every problem at once with file and line; exit code 2 when there are any.") { manifest };
        ct.AddTo(command);
        command.SetAction(parse =>
        {
            CohortManifest loaded;
            try
            {
                loaded = CohortManifest.Load(parse.GetValue(manifest)!, ct.Read(parse));
            }
            catch (CohortValidationException e)
            {
                output.WriteLine($"{e.ManifestPath}: {e.Problems.Count} problem(s)");
                foreach (var problem in e.Problems) output.WriteLine($"  {problem}");
                return CliApp.InputError;
            }
            Summarise(loaded, output);
            WindowNotes.Write(loaded.Entries, output, output);
            return CliApp.Success;
        });
        return command;
    }

    private static void Summarise(CohortManifest manifest, TextWriter output)
    {
        var entries = manifest.Entries;
        var covid = entries.Count(e => e.Label == PatientLabel.Covid);
        var unknownTruth = entries.Count(e => e.Label == PatientLabel.Covid && e.Masks is null);
        output.WriteLine($"{manifest.Path}: OK, {entries.Count} patients ({covid} covid, {entries.Count - covid} control)");
        var splits = entries.GroupBy(e => e.Split?.Name() ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal);
        output.WriteLine("Splits:        " + string.Join(", ", splits.Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine($"With masks:    {entries.Count(e => e.Masks is not null)}");
        if (unknownTruth > 0)
        {
            output.WriteLine($"Per-image truth unknown for {unknownTruth} covid patient(s) without masks: left out of per-image metrics, counted per patient.");
        }
    }
}
