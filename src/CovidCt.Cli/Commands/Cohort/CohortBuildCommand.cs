using System.CommandLine;
using CovidCt.Data.Cohorts;
using CovidCt.Data.Synthesis;

namespace CovidCt.Cli.Commands;

/// <summary><c>covidct cohort build --spec SPEC.json --out DIR</c>: builds a simulated cohort (NIfTI, manifest, cohort card, contact sheets).</summary>
internal static class CohortBuildCommand
{
    /// <summary>Environment variable naming the folder that holds <c>lidc-idri/</c> and other shared real data.</summary>
    public const string SharedDataVariable = "COVIDCT_SHARED_DATA";

    public static Command Create(TextWriter output)
    {
        var spec = new Option<FileInfo>("--spec") { Description = "Cohort spec (JSON), e.g. datasets/specs/default.json.", Required = true };
        var outFolder = new Option<DirectoryInfo>("--out") { Description = "Output folder; created when missing, files in it are replaced.", Required = true };
        var sharedData = new Option<DirectoryInfo?>("--shared-data") { Description = $"Folder that relative real-CT series paths resolve against (default: ${SharedDataVariable})." };
        var noSheets = new Option<bool>("--no-sheets") { Description = "Skip the contact-sheet PNG per patient." };
        var splits = new Option<string?>("--splits") { Description = "Build only these splits, comma-separated (e.g. val,test); the patients are identical to those of a full build." };
        var command = new Command("build", "Build a simulated COVID-19 / control cohort from a spec: deterministic, byte-identical for the same spec.") { spec, outFolder, sharedData, noSheets, splits };
        command.SetAction(parse =>
        {
            var settings = new CohortBuildSettings(CohortSpec.Load(parse.GetValue(spec)!.FullName), parse.GetValue(outFolder)!.FullName,
                new CohortBuildOptions(parse.GetValue(sharedData)?.FullName ?? Environment.GetEnvironmentVariable(SharedDataVariable), !parse.GetValue(noSheets), ParseSplits(parse.GetValue(splits))));
            CohortBuildHandler.Run(settings, output);
            return CliApp.Success;
        });
        return command;
    }

    private static HashSet<CohortSplit>? ParseSplits(string? text)
    {
        if (text is null) return null;
        var splits = new HashSet<CohortSplit>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            splits.Add(CohortSplitNames.TryParse(name, out var split) ? split
                : throw new UsageException($"--splits: '{name}' is not a split; expected train, val or test, comma-separated"));
        }
        if (splits.Count == 0) throw new UsageException("--splits: name at least one of train, val, test");
        return splits;
    }
}

/// <summary>What <c>cohort build</c> was asked to do.</summary>
/// <param name="Spec">The cohort spec.</param>
/// <param name="OutFolder">Where the cohort is written.</param>
/// <param name="Options">Shared data, contact sheets and the splits to build.</param>
internal sealed record CohortBuildSettings(CohortSpec Spec, string OutFolder, CohortBuildOptions Options);
