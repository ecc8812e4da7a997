using CovidCt.Cli.Output;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Runs;
using Microsoft.ML;

namespace CovidCt.Cli.Commands;

/// <summary>Runs a model over a cohort through the probability-map cache, with progress, and evaluates it (evaluate and compare).</summary>
internal static class ModelEvaluation
{
    /// <summary>
    /// Runs <paramref name="definition"/> as the ML.NET chain over the cohort, through the probability-map cache (decisions on the 8-bit maps).
    /// A scoring plan whose one batch alone exceeds the memory budget is a warning of the run (<see cref="ModelRun.Warnings"/>), also
    /// given to <paramref name="onWarning"/> before the first patient is scored.
    /// </summary>
    public static ModelRun Run(PipelineDefinition definition, CohortManifest manifest, CohortSplit? split, string cacheRoot, ProportionInterval method, double level,
        RunProgress progress, Action<CohortPatient, PatientOutcome>? onPatient = null, Action<string>? onWarning = null)
    {
        var entries = manifest.InSplit(split).ToArray();
        if (entries.Length == 0)
        {
            throw new UsageException($"{manifest.Path} has no patients in split '{CohortSplitNames.NameOrAll(split)}'; choose another with --split (test, val, train or all)");
        }
        // The engine: the ML.NET chain, fitted once, with its probability cache, over the cohort.
        using var detection = new CohortDetection(new MLContext(), definition, new ProbabilityCacheOptions(cacheRoot, CohortFingerprint.Compute(manifest)));
        string[] warnings = detection.Scoring.Scorer.BudgetWarning is { } budget ? [budget] : [];
        foreach (var warning in warnings) onWarning?.Invoke(warning);
        var cached = entries.Count(e => detection.Scoring.IsCached(e.PatientId));
        var modelPath = definition.ModelPath;
        IReadOnlyList<PatientOutcome> outcomes = [];
        progress.Run($"Running {Path.GetFileName(modelPath)} on {CaseProgressLine.Cases(manifest.Level, entries.Length)} ({cached} from the probability cache)", entries.Length, step =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            outcomes = detection.Run(manifest, split, onPatient: (patient, outcome) =>
            {
                onPatient?.Invoke(patient, outcome);
                step(CaseProgressLine.Of(manifest.Level, patient.Entry.PatientId, outcome, clock.Elapsed));
            });
        });
        var provenance = RunProvenance.Describe(definition, detection.Scoring) with { CachedPatients = cached };
        return new ModelRun(ModelRun.NamesOf([modelPath])[0], PipelineEvaluation.Compute(outcomes, method, level))
        {
            Provenance = provenance,
            Warnings = [.. warnings, .. detection.Warnings],
        };
    }
}
