using System.Globalization;
using CovidCt.Cli.Output;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting.Comparisons;

namespace CovidCt.Cli.Commands;

/// <summary>
/// The tuning half of <c>compare --tune-on</c>: each model goes through the sweep engine exactly as <c>covidct sweep --tune-on</c>
/// runs it (<see cref="CohortSweep.Tune"/>, which chooses by <see cref="OperatingPointRule"/>), and its chosen setting
/// becomes the pipeline definition the comparison then runs on the report split.
/// </summary>
internal static class CompareTuner
{
    /// <summary>
    /// Each model's tuned operating point and the definition of it, in the order of <paramref name="settings"/>' pipelines; a
    /// model's memory warning goes to <paramref name="say"/> before it is tuned.
    /// </summary>
    public static IReadOnlyList<(TunedModel Model, PipelineDefinition Definition)> Tune(CompareSettings settings, CompareTuning tuning, IReadOnlyList<string> names, RunProgress progress, Action<string> say)
    {
        var manifest = settings.Manifest;
        var patients = manifest.InSplit(tuning.TuneOn).Count() + manifest.InSplit(tuning.ReportOn).Count();
        var cacheOptions = new ProbabilityCacheOptions(settings.CacheRoot, CohortFingerprint.Compute(manifest));
        return settings.Pipelines.Select((definition, i) =>
        {
            // The same engine and cache as sweep: the maps scored here are read again, not rescored, when the comparison runs.
            using var sweep = new CohortSweep(definition.ModelPath, definition.Options, cacheOptions);
            var title = string.Create(CultureInfo.InvariantCulture,
                $"Tuning {Path.GetFileName(definition.ModelPath)} on {CohortSplitNames.NameOrAll(tuning.TuneOn)}: {tuning.Grid.Count} settings over {CaseProgressLine.Cases(manifest.Level, patients)}");
            if (sweep.Scoring.Scorer.BudgetWarning is { } budget) say(budget);
            TunedOperatingPoint? point = null;
            progress.Run(title, patients, step => point = sweep.Tune(manifest, tuning.TuneOn, tuning.ReportOn, tuning.Grid, id => step(id), settings.Method, settings.Level));
            // As sweep writes its pipeline.json: the chosen setting applied to the options the sweep started from.
            var chosen = PipelineDefinition.Create(definition.ModelPath, point!.Chosen.Setting.ApplyTo(sweep.Options));
            return (new TunedModel(names[i], point), chosen);
        }).ToArray();
    }

    /// <summary>
    /// Writes each model's sweep.csv (the tuning split's sweep) and pipeline.json (its chosen operating point, which
    /// <c>evaluate --pipeline</c> runs exactly) to OUT/NAME/; the folder is replaced as a whole, as sweep replaces its own.
    /// </summary>
    public static IReadOnlyList<TunedModel> Write(string outFolder, IReadOnlyList<(TunedModel Model, PipelineDefinition Definition)> tuned) =>
        RunFolder.Replace(outFolder, staging => tuned.Select((t, i) =>
        {
            var folder = FolderName(t.Model.Name, i);
            Directory.CreateDirectory(Path.Combine(staging, folder));
            t.Model.Tuned.Tuning.WriteCsv(Path.Combine(staging, folder, "sweep.csv"));
            t.Definition.Save(Path.Combine(staging, folder, PipelineChoice.FileName));
            return t.Model with
            {
                SweepCsv = Path.Combine(outFolder, folder, "sweep.csv"),
                PipelineFile = Path.Combine(outFolder, folder, PipelineChoice.FileName),
            };
        }).ToArray());

    // Names are file names unless two models share one; then they are full paths (ModelRun.NamesOf), which make no folder name.
    private static string FolderName(string name, int index) =>
        name.IndexOfAny(['/', '\\']) < 0 ? name : string.Create(CultureInfo.InvariantCulture, $"model-{index + 1}");
}
