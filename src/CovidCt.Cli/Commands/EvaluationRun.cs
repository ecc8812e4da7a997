using System.Globalization;
using CovidCt.Cli.Output;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using Microsoft.ML;

namespace CovidCt.Cli.Commands;

/// <summary>One model evaluated on one cohort: the pipeline's tables plus where its probability maps came from.</summary>
/// <param name="ModelPath">The model file.</param>
/// <param name="Pipeline">Options and model description (the pipeline itself is disposed after the run).</param>
/// <param name="Evaluation">Per-image and per-patient tables and ROC curves.</param>
/// <param name="CachedPatients">Patients whose maps were read from the cache rather than computed.</param>
/// <param name="CacheFolder">The cache folder of this model and cohort.</param>
internal sealed record ModelRun(string ModelPath, PipelineSummary Pipeline, PipelineEvaluation Evaluation, int CachedPatients, string CacheFolder);

/// <summary>What a report needs to say about the model and the settings of a run.</summary>
internal sealed record PipelineSummary(string Sha256, string Architecture, string Version, PipelineOptions Options);

/// <summary>Runs a model over a cohort through the probability-map cache, with progress, and evaluates it.</summary>
internal static class EvaluationRun
{
    /// <summary>Runs <paramref name="definition"/> as the ML.NET chain over the cohort, through the probability-map cache (decisions on the 8-bit maps).</summary>
    public static ModelRun Run(PipelineDefinition definition, CohortManifest manifest, CohortSplit? split, string cacheRoot, ProportionInterval method, double level,
        RunProgress progress, Action<CohortPatient, PatientOutcome>? onPatient = null)
    {
        var entries = manifest.InSplit(split).ToArray();
        if (entries.Length == 0)
        {
            throw new UsageException($"{manifest.Path} has no patients in split '{SplitName(split)}'; choose another with --split (test, val, train or all)");
        }
        using var detection = new CohortDetection(new MLContext(), definition, new ProbabilityCacheOptions(cacheRoot, CohortFingerprint.Compute(manifest)));
        var scoring = detection.Scoring;
        var cached = entries.Count(e => scoring.IsCached(e.PatientId));
        var modelPath = definition.ModelPath;
        var c = CultureInfo.InvariantCulture;
        IReadOnlyList<PatientOutcome> outcomes = [];
        progress.Run($"Running {Path.GetFileName(modelPath)} on {entries.Length} patients ({cached} from the probability cache)", entries.Length, step =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            outcomes = detection.Run(manifest, split, onPatient: (patient, outcome) =>
            {
                onPatient?.Invoke(patient, outcome);
                var decision = outcome.Result.Decision;
                step(string.Create(c, $"{patient.Entry.PatientId,-12} {(outcome.IsCovid ? "covid" : "control"),-7} {outcome.Result.Slices.Count,4} slices  {(decision.IsPositive ? "positive" : "negative"),-8} {clock.Elapsed.TotalSeconds,6:0.0} s"));
            });
        });
        var model = scoring.Scorer.Model;
        var summary = new PipelineSummary(model.Sha256, model.Metadata.GetValueOrDefault(Pipelines.Models.ModelMetadataKeys.Architecture, "unknown"),
            model.Metadata.GetValueOrDefault(Pipelines.Models.ModelMetadataKeys.Version, "unknown"), detection.Options);
        return new ModelRun(modelPath, summary, PipelineEvaluation.Compute(outcomes, method, level), cached, scoring.Cache!.Folder);
    }

    public static string SplitName(CohortSplit? split) => split?.ToString().ToLowerInvariant() ?? "all";
}
