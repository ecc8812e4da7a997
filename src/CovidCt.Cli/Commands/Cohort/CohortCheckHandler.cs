using System.CommandLine;
using CovidCt.Data;
using CovidCt.Data.Cohorts;

namespace CovidCt.Cli.Commands;

/// <summary>What <c>cohort check</c> found.</summary>
/// <param name="Path">The manifest (or the images folder of --images/--masks).</param>
/// <param name="Manifest">The cohort as the run reads it (fitted windows included), or null when it has problems.</param>
/// <param name="Problems">Every problem, each with its file, line and field; empty when the cohort is good.</param>
/// <param name="Windows">The images read at a window fitted per image, or null when none is.</param>
/// <param name="ReadWarnings">The geometry the cases were read with because their files did not state it (<see cref="CtVolume.Assumptions"/>), each once.</param>
internal sealed record CohortCheckResult(string Path, CohortManifest? Manifest, IReadOnlyList<CohortProblem> Problems, PerImageWindows? Windows, IReadOnlyList<string> ReadWarnings);

/// <summary>
/// Runs <c>cohort check</c>: loads the cohort with the run's read options, fits the windows the run would fit, then reads
/// every case's voxels and mask, since the manifest load reads headers only and evaluate reads everything.
/// </summary>
internal static class CohortCheckHandler
{
    /// <exception cref="UsageException">When neither a manifest nor --images/--masks is given, or the options do not apply.</exception>
    public static CohortCheckResult Run(ParseResult parse, string? manifestPath, CtSourceOptions source, ImageFolderOptions folders)
    {
        var read = source.Read(parse, perImageFit: true);
        CohortManifest loaded;
        PerImageWindows? windows;
        try
        {
            loaded = folders.Cohort(parse, manifestPath is not null, read, "a manifest")
                ?? CohortManifest.Load(manifestPath ?? throw new UsageException("cohort check needs a manifest (covidct cohort check MANIFEST.csv) or --images DIR --masks DIR"), read);
            windows = source.FittedWindows(parse, loaded);
        }
        catch (CohortValidationException e)
        {
            return new CohortCheckResult(e.ManifestPath, null, e.Problems, null, []);
        }
        var manifest = windows?.Manifest ?? loaded;
        var warnings = new List<string>();
        var unreadable = ContentProblems(manifest, warnings);
        return new CohortCheckResult(manifest.Path, unreadable.Count == 0 ? manifest : null, unreadable, windows, [.. warnings.Distinct()]);
    }

    // The warnings are those a run will print: what each case's files left the reader to assume.
    private static List<CohortProblem> ContentProblems(CohortManifest manifest, List<string> warnings)
    {
        var problems = new List<CohortProblem>();
        foreach (var entry in manifest.Entries)
        {
            try
            {
                var patient = CohortReader.Read(entry, new CohortReadOptions { Images = manifest.ImageOptions });
                warnings.AddRange(patient.Volume.Assumptions.Select(a => a.Warning));
            }
            catch (CovidCtInputException e)
            {
                problems.Add(new CohortProblem(manifest.Path, entry.Line, e.Field == "masks" || e.File == entry.MasksPath ? "masks" : "images", e.Message));
            }
        }
        return problems;
    }
}
