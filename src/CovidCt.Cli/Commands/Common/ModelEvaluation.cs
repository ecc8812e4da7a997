using System.Globalization;
using CovidCt.Cli.Output;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Runs;

namespace CovidCt.Cli.Commands;

/// <summary>Runs a model over a cohort through the probability-map cache, with progress, and evaluates it (evaluate and compare).</summary>
internal static class ModelEvaluation
{
    public static ModelRun Run(string modelPath, CohortManifest manifest, CohortSplit? split, string cacheRoot, ProportionInterval method, double level,
        RunProgress progress, Action<CohortPatient, PatientOutcome>? onPatient = null)
    {
        var entries = manifest.InSplit(split).ToArray();
        if (entries.Length == 0)
        {
            throw new UsageException($"{manifest.Path} has no patients in split '{CohortSplitNames.NameOrAll(split)}'; choose another with --split (test, val, train or all)");
        }
        // The engine: the pipeline, its cache and the cohort loop.
        using var pipeline = new DetectionPipeline(modelPath);
        var cache = new ProbabilityMapCache(cacheRoot, ProbabilityCacheKey.For(pipeline, CohortFingerprint.Compute(manifest)));
        var cached = entries.Count(e => File.Exists(cache.PathOf(e.PatientId)));
        var c = CultureInfo.InvariantCulture;
        IReadOnlyList<PatientOutcome> outcomes = [];
        progress.Run($"Running {Path.GetFileName(modelPath)} on {entries.Length} patients ({cached} from the probability cache)", entries.Length, step =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            outcomes = CohortDetection.Run(pipeline, manifest, split, cache, onPatient: (patient, outcome) =>
            {
                onPatient?.Invoke(patient, outcome);
                var decision = outcome.Result.Decision;
                step(string.Create(c, $"{patient.Entry.PatientId,-12} {(outcome.IsCovid ? "covid" : "control"),-7} {outcome.Result.Slices.Count,4} slices  {(decision.IsPositive ? "positive" : "negative"),-8} {clock.Elapsed.TotalSeconds,6:0.0} s"));
            });
        });
        var provenance = RunProvenance.Describe(modelPath, pipeline.Scorer.Model, pipeline.Scorer.Preprocessing, pipeline.Options) with { CacheFolder = cache.Folder, CachedPatients = cached };
        return new ModelRun(ModelRun.NamesOf([modelPath])[0], PipelineEvaluation.Compute(outcomes, method, level)) { Provenance = provenance };
    }
}
