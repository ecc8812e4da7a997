using System.Diagnostics;
using System.Globalization;
using CovidCt.Cli.Output;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Cli.Commands;

/// <summary>Runs <c>sweep</c>: scores each patient once (probability cache), evaluates every setting, optionally tunes, and writes sweep.csv.</summary>
internal static class SweepHandler
{
    /// <summary>Runs the sweep; notes and progress go to <paramref name="log"/>.</summary>
    public static SweepRun Run(SweepSettings settings, TextWriter log)
    {
        var (manifest, split, report, grid) = (settings.Manifest, settings.Split, settings.ReportOn, settings.Grid);
        if (settings.Model.Note is not null && !settings.Quiet) log.WriteLine(settings.Model.Note);
        var clock = Stopwatch.StartNew();
        var patients = manifest.InSplit(split).Count() + (report is null ? 0 : manifest.InSplit(report).Count());
        var title = string.Create(CultureInfo.InvariantCulture, $"Sweeping {grid.Count} settings of {Path.GetFileName(settings.Model.Path)} over {patients} patients");
        var run = new SweepRun(settings.Model, manifest, split, grid, settings.OutFolder, null, null, TimeSpan.Zero);
        // The engine: the pipeline, its cache and the cohort sweep.
        using var pipeline = new DetectionPipeline(settings.Model.Path);
        var cache = new ProbabilityMapCache(settings.CacheRoot, ProbabilityCacheKey.For(pipeline, CohortFingerprint.Compute(manifest)));
        RunProgress.For(log, settings.Quiet).Run(title, patients, step =>
        {
            run = report is { } r
                ? run with { Tuned = CohortSweep.TuneAndReport(pipeline, manifest, split!.Value, r, grid, cache, id => step(id), settings.Method, settings.Level) }
                : run with { Result = CohortSweep.Run(pipeline, manifest, split, grid, cache, id => step(id), settings.Method, settings.Level) };
        });
        run = run with { Result = run.Tuned?.Tuning ?? run.Result, Elapsed = clock.Elapsed };
        Directory.CreateDirectory(settings.OutFolder);
        run.Result!.WriteCsv(run.CsvPath);
        return run;
    }
}
