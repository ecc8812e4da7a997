using CovidCt.Metrics;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Evaluation;
using Microsoft.ML;

namespace CovidCt.Benchmarks;

/// <summary>
/// Issue 13: <c>covidct evaluate</c>'s work end to end (open the model, read every patient, score or read the cache, valid
/// area, boxes, patient rule, both tables) through the ML.NET chain, against the direct loop it replaced, kept here as the
/// baseline: patient by patient through <see cref="DetectionPipeline"/>, the facade over the same step objects. Both run on
/// the same cohort in a new random order each repeat, after a garbage collection and a pause, with an empty cache (the model
/// scores every slice) and with a warm one (post-processing and reading only). With an empty cache, issue 20's yardstick runs
/// among them: scoring alone on the same slices (read and preprocessed before the clock starts, then only the model, patient
/// by patient as the chain calls it), so evaluate's per-slice cost is printed as a ratio to the model's in the same run.
/// </summary>
internal static class EvaluateBenchmark
{
    public static void Run(TextWriter output, string model, CohortManifest manifest, CohortSplit? split, int repeats, string caches)
    {
        var cohort = CohortFingerprint.Compute(manifest);
        var slices = CohortReader.ReadPatients(manifest, split).Sum(p => p.Volume.Geometry.Depth);
        output.WriteLine($"Evaluate: {Path.GetFileName(model)} on {manifest.InSplit(split).Count()} patients / {slices} slices of {manifest.Path}, chain against the direct loop, interleaved:");
        var warmRoot = Path.Combine(Path.GetTempPath(), "covidct-bench-evaluate", Guid.NewGuid().ToString("N"));
        try
        {
            // Same tables both ways, once, before any timing: the speed of a path that decides differently would mean nothing.
            var chain = Chain(model, manifest, split, new ProbabilityCacheOptions(warmRoot, cohort));
            var direct = Direct(model, manifest, split, new ProbabilityCacheOptions(warmRoot, cohort));
            if (chain.PatientCounts != direct.PatientCounts || chain.ImageCounts != direct.ImageCounts)
            {
                throw new InvalidOperationException($"the chain ({chain.PatientCounts}, {chain.ImageCounts}) and the direct loop ({direct.PatientCounts}, {direct.ImageCounts}) disagree");
            }
            output.WriteLine($"  both: patient {Counts(chain.PatientCounts)}; image {Counts(chain.ImageCounts)}");
            foreach (var (name, cache) in new (string, Func<ProbabilityCacheOptions>)[]
            {
                ("empty cache", () => new ProbabilityCacheOptions(Path.Combine(Path.GetTempPath(), "covidct-bench-evaluate", Guid.NewGuid().ToString("N")), cohort)),
                ("warm cache", () => new ProbabilityCacheOptions(warmRoot, cohort)),
            }.Where(c => caches == "both" || c.Item1.StartsWith(caches, StringComparison.Ordinal)))
            {
                var empty = name == "empty cache";
                using var scoring = empty ? ScoringAlone.Prepare(model, manifest, split) : null;
                (string, Action)[] alternatives = [
                    ("chain", () => Chain(model, manifest, split, cache())),
                    ("direct loop", () => Direct(model, manifest, split, cache())),
                ];
                var timings = Interleaved(repeats, scoring is null ? alternatives : [.. alternatives, ("scoring alone", scoring.Run)]);
                var (c, d) = (timings["chain"], timings["direct loop"]);
                output.WriteLine($"  {name}: chain {c}; direct loop {d}");
                output.WriteLine($"  {name}: chain speed / direct speed = {d.Median / c.Median:0.00} (target >= 0.95), {slices / c.Median:0} slices/s");
                // Bytes the chain allocates per slice (issue #20: the collector's share of evaluate's CPU), one more run, untimed.
                var before = GC.GetTotalAllocatedBytes(precise: true);
                Chain(model, manifest, split, cache());
                output.WriteLine($"  {name}: the chain allocates {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / slices:0} KiB per slice (reading included)");
                if (timings.TryGetValue("scoring alone", out var alone))
                {
                    output.WriteLine($"  {name}: scoring alone {alone}; per slice: chain {c.Median / slices * 1e3:0.00} ms, direct loop {d.Median / slices * 1e3:0.00} ms, scoring alone {alone.Median / slices * 1e3:0.00} ms");
                    output.WriteLine($"  {name}: evaluate per slice / scoring alone per slice = chain {c.Median / alone.Median:0.00}, direct loop {d.Median / alone.Median:0.00} (target <= 1.1)");
                }
            }
        }
        finally
        {
            var folder = Path.Combine(Path.GetTempPath(), "covidct-bench-evaluate");
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static PipelineEvaluation Chain(string model, CohortManifest manifest, CohortSplit? split, ProbabilityCacheOptions cache)
    {
        using var detection = new CohortDetection(new MLContext(), model, new PipelineOptions(), cache);
        return PipelineEvaluation.Compute(detection.Run(manifest, split));
    }

    // The loop evaluate ran before issue 13 (Evaluation/CohortDetection.cs at e50e3e5), on the facade over the same steps.
    private static PipelineEvaluation Direct(string model, CohortManifest manifest, CohortSplit? split, ProbabilityCacheOptions cache)
    {
        using var pipeline = new DetectionPipeline(model, new PipelineOptions(), cache);
        var outcomes = new List<PatientOutcome>();
        foreach (var patient in CohortReader.ReadPatients(manifest, split))
        {
            var id = patient.Entry.PatientId;
            var volume = patient.Volume;
            var result = pipeline.Detect(id, volume.Source, volume.Geometry, pipeline.Score(id, volume), pipeline.ValidAreas(volume));
            outcomes.Add(new PatientOutcome(result, patient.Entry.Label == PatientLabel.Covid, patient.SliceTruth));
        }
        return PipelineEvaluation.Compute(outcomes);
    }

    private static Dictionary<string, Timing> Interleaved(int repeats, (string Name, Action Run)[] alternatives)
    {
        var seconds = alternatives.ToDictionary(a => a.Name, _ => new List<double>());
        var random = new Random(13);
        for (var r = 0; r < repeats; r++)
        {
            foreach (var (name, run) in alternatives.OrderBy(_ => random.Next()))
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Thread.Sleep(200);
                seconds[name].Add(Measure.Seconds(run));
            }
        }
        return seconds.ToDictionary(s => s.Key, s => new Timing(s.Value.ToArray()));
    }

    private static string Counts(ConfusionCounts c) => $"TP {c.TruePositives}, FP {c.FalsePositives}, TN {c.TrueNegatives}, FN {c.FalseNegatives}";
}
