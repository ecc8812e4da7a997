using CovidCt.Cli.Output;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting;
using CovidCt.Reporting.Files;
using CovidCt.Reporting.Runs;

namespace CovidCt.Cli.Commands;

/// <summary>What <c>evaluate</c> produced.</summary>
/// <param name="Run">The run.</param>
/// <param name="Document">What metrics.json holds (and --json prints).</param>
/// <param name="Figures">Red-box figures drawn of wrong slices, or null when none were asked for (<c>--figures none</c>).</param>
internal sealed record EvaluateResult(ModelRun Run, EvaluationDocument Document, int? Figures);

/// <summary>Runs <c>evaluate</c>: the model over the cohort, drawing each wrong slice as its patient finishes, then every file of the evaluation.</summary>
internal static class EvaluateHandler
{
    /// <summary>Runs the evaluation; notes and progress go to <paramref name="log"/>.</summary>
    public static EvaluateResult Run(EvaluateSettings settings, TextWriter log)
    {
        if (settings.ModelNote is not null && !settings.Quiet) log.WriteLine(settings.ModelNote);
        // Everything goes into a staging folder swapped in at the end: a failed or killed run leaves the previous result whole.
        var result = RunFolder.Replace(settings.OutFolder, staging =>
        {
            // Figures are part of the output folder (report.html shows them), so they are drawn with --quiet too, but on
            // another thread while the next patient is scored (docs/cli.md, "Files written to DIR"); --figures none draws none.
            using var figures = settings.DrawFigures ? new ErrorFigures(staging) : null;
            // Lesions are matched while each patient's mask is in memory, beside the figures.
            var lesions = new LesionTally();
            var framing = settings.Pipeline.Options.Preprocessing.Framing;
            var warnings = new List<string>(settings.Warnings);
            // The warnings already printed (those known before the run, and the memory warning).
            var printed = warnings.Count;
            void OnPatient(Data.Cohorts.CohortPatient patient, PatientOutcome outcome)
            {
                figures?.DrawBehind(patient, outcome);
                lesions.Add(patient, outcome);
                // Checked on the volume the run read anyway (compare and sweep read every case once more before scoring).
                if (FramingWarnings.Of(patient, framing) is { } fallback) warnings.Add(fallback);
            }
            // The memory warning comes before scoring starts: the run it warns about may not finish.
            void OnWarning(string warning)
            {
                log.WriteLine($"Warning: {warning}");
                warnings.Add(warning);
                printed++;
            }
            var progress = RunProgress.For(log, settings.Quiet);
            var run = settings.Cluster is { } cluster
                ? ClusterModelEvaluation.Run(cluster, settings, progress, log, OnPatient)
                : ModelEvaluation.Run(settings.Pipeline, settings.Manifest, settings.Split, settings.CacheRoot, settings.Method, settings.Level, progress, OnPatient, OnWarning);
            // The run's own warnings (the probability cache's); the memory warning among them was added by OnWarning already.
            warnings.AddRange(run.Warnings.Where(w => !warnings.Contains(w)));
            // Said after the progress (a bar would swallow it) and before any number, and kept in metrics.json and report.html.
            foreach (var warning in warnings.Skip(printed)) log.WriteLine($"Warning: {warning}");
            run = run with { Lesions = lesions.Evaluate(settings.Method, settings.Level), Warnings = warnings, Sweep = settings.Explore ? Explore(settings, progress) : null };
            // Parquet beside the CSVs: a clustered run's parts were written by its workers, a single process writes the same parts
            // itself, on another core while this one writes the report (scoring is over, so a core is free; the serializer's
            // first use alone costs about half a second of CPU).
            var parquet = settings.Cluster is null ? Task.Run(() => ParquetTables.Write(Path.Combine(staging, "parquet"), run.Evaluation.Patients)) : null;
            try
            {
                var document = EvaluationReport.Write(staging, run, settings.Manifest, settings.Split, figures?.Figures, settings.ModelNote);
                settings.Windows?.WriteCsv(Path.Combine(staging, PerImageWindows.FileName));
                if (settings.Cluster is not null) ClusterModelEvaluation.CopyParts(settings.OutFolder, staging);
                parquet?.GetAwaiter().GetResult();
                return new EvaluateResult(run, document, figures?.Figures.Count);
            }
            finally
            {
                // A failed report must not leave Parquet writing into the staging folder while it is deleted; the report's own
                // error is the one to throw (on success GetResult above has already thrown Parquet's).
                try
                {
                    parquet?.Wait();
                }
                catch (AggregateException)
                {
                }
            }
        });
        if (settings.Cluster is not null) ClusterModelEvaluation.Finish(settings.OutFolder);
        return result;
    }

    // The sweep covidct sweep runs by default, on the maps the evaluation just cached: no volume is scored again.
    private static SweepResult Explore(EvaluateSettings settings, RunProgress progress)
    {
        using var explorer = new CohortSweep(settings.Pipeline.ModelPath, settings.Pipeline.Options, new ProbabilityCacheOptions(settings.CacheRoot, CohortFingerprint.Compute(settings.Manifest)));
        var patients = settings.Manifest.InSplit(settings.Split).Count();
        SweepResult? sweep = null;
        progress.Run($"Sweeping {SweepGrid.Default.Count} post-processing settings over {CaseProgressLine.Cases(settings.Manifest.Level, patients)} for report.html's explorer", patients, step =>
            sweep = explorer.Sweep(settings.Manifest, settings.Split, SweepGrid.Default, id => step(id), settings.Method, settings.Level));
        return sweep!;
    }
}
