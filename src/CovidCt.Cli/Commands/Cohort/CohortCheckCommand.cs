using System.CommandLine;
using CovidCt.Data;
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
            var images = ct.Read(parse);
            try
            {
                loaded = CohortManifest.Load(parse.GetValue(manifest)!, images);
            }
            catch (CohortValidationException e)
            {
                return Report(output, e.ManifestPath, e.Problems);
            }
            // The manifest load reads headers only; evaluate reads every voxel, so check reads them too.
            var unreadable = ContentProblems(loaded, images);
            if (unreadable.Count > 0) return Report(output, loaded.Path, unreadable);
            Summarise(loaded, output);
            WindowNotes.Write(loaded.Entries, images.Limits, output, output);
            return CliApp.Success;
        });
        return command;
    }

    private static List<CohortProblem> ContentProblems(CohortManifest manifest, CtReadOptions images)
    {
        var problems = new List<CohortProblem>();
        foreach (var entry in manifest.Entries)
        {
            try
            {
                CohortReader.Read(entry, new CohortReadOptions { Images = images });
            }
            catch (CovidCtInputException e)
            {
                problems.Add(new CohortProblem(manifest.Path, entry.Line, e.Field == "masks" || e.File == entry.MasksPath ? "masks" : "images", e.Message));
            }
        }
        return problems;
    }

    private static int Report(TextWriter output, string manifestPath, IReadOnlyList<CohortProblem> problems)
    {
        output.WriteLine($"{manifestPath}: {problems.Count} problem(s)");
        foreach (var problem in problems) output.WriteLine($"  {problem}");
        return CliApp.InputError;
    }

    private static void Summarise(CohortManifest manifest, TextWriter output)
    {
        var entries = manifest.Entries;
        var covid = entries.Count(e => e.Label == PatientLabel.Covid);
        var unknownTruth = entries.Count(e => e.Label == PatientLabel.Covid && e.Masks is null);
        // An image-level cohort's label is whether the image has a mask (docs/data.md), so it is counted as such, not as patients.
        var image = manifest.Level == CohortLevel.Image;
        output.WriteLine(image
            ? $"{manifest.Path}: OK, {entries.Count} images ({covid} with masks, {entries.Count - covid} without)"
            : $"{manifest.Path}: OK, {entries.Count} patients ({covid} covid, {entries.Count - covid} control)");
        var splits = entries.GroupBy(e => e.Split?.Name() ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal);
        output.WriteLine("Splits:        " + string.Join(", ", splits.Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine($"With masks:    {entries.Count(e => e.Masks is not null)}");
        if (unknownTruth > 0)
        {
            output.WriteLine($"Per-image truth unknown for {unknownTruth} covid patient(s) without masks: left out of per-image metrics, counted per patient.");
        }
    }
}
