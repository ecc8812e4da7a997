using System.Diagnostics;
using System.Globalization;
using CovidCt.Cli.Output;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>Runs <c>sweep</c>: scores each patient once (probability cache), evaluates every setting, optionally tunes, and writes sweep.csv.</summary>
internal static class SweepHandler
{
    /// <summary>The output folder's file of the run's warnings, one a line, written only when there are any.</summary>
    public const string WarningsFile = "warnings.txt";

    /// <summary>Runs the sweep; notes and progress go to <paramref name="log"/>.</summary>
    public static SweepRun Run(SweepSettings settings, TextWriter log)
    {
        var (manifest, split, report, grid) = (settings.Manifest, settings.Split, settings.ReportOn, settings.Grid);
        if (settings.Model.Note is not null && !settings.Quiet) log.WriteLine(settings.Model.Note);
        var clock = Stopwatch.StartNew();
        var patients = manifest.InSplit(split).Count() + (report is null ? 0 : manifest.InSplit(report).Count());
        var title = string.Create(CultureInfo.InvariantCulture, $"Sweeping {grid.Count} settings of {Path.GetFileName(settings.Model.Path)} over {CaseProgressLine.Cases(manifest.Level, patients)}");
        var run = new SweepRun(settings.Model, manifest, split, grid, settings.OutFolder, null, null, TimeSpan.Zero);
        // The engine: the chain's steps 2 to 4 with their probability cache, feeding the cohort sweep; its sessions are the only ones opened.
        using var sweep = new CohortSweep(settings.Model.Path, settings.Options, new ProbabilityCacheOptions(settings.CacheRoot, CohortFingerprint.Compute(manifest)));
        // One scoring batch above the memory budget is said before scoring starts (the run may be killed for it), and once.
        var budget = sweep.Scoring.Scorer.BudgetWarning;
        if (budget is not null) log.WriteLine($"Warning: {budget}");
        RunProgress.For(log, settings.Quiet).Run(title, patients, step =>
        {
            run = report is { } r
                ? run with { Tuned = sweep.Tune(manifest, split!.Value, r, grid, id => step(id), settings.Method, settings.Level) }
                : run with { Result = sweep.Sweep(manifest, split, grid, id => step(id), settings.Method, settings.Level) };
        });
        run = run with { Result = run.Tuned?.Tuning ?? run.Result, Elapsed = clock.Elapsed };
        // The engine noted each case's framing as it read it, and its caches' failures: said after the progress and before any number.
        foreach (var warning in run.Result!.Warnings.Where(w => w != budget)) log.WriteLine($"Warning: {warning}");
        // The folder is replaced as a whole, so a failed run never leaves a new sweep.csv beside an old pipeline.json.
        RunFolder.Replace(settings.OutFolder, staging =>
        {
            run.Result!.WriteCsv(Path.Combine(staging, Path.GetFileName(run.CsvPath)), CohortLevelText.HasPatientTable(manifest));
            // The run's warnings stay beside the numbers they qualify, as metrics.json keeps evaluate's.
            if (run.Result.Warnings.Count > 0) File.WriteAllLines(Path.Combine(staging, WarningsFile), run.Result.Warnings);
            if (run.Tuned is { } point)
            {
                // The chosen operating point as a full pipeline definition: 'evaluate --pipeline' runs exactly it.
                PipelineDefinition.Create(settings.Model.Path, point.Chosen.Setting.ApplyTo(sweep.Options)).Save(Path.Combine(staging, PipelineChoice.FileName));
            }
            return run;
        });
        if (run.Tuned is not null && !settings.Quiet)
        {
            var definitionPath = Path.Combine(settings.OutFolder, PipelineChoice.FileName);
            log.WriteLine($"Chosen operating point written to {definitionPath}; run it with: covidct evaluate --pipeline {definitionPath}");
        }
        return run;
    }
}
