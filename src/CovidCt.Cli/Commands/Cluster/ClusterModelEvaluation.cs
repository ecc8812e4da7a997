using System.Security.Cryptography;
using System.Text;
using CovidCt.Cli.Output;
using CovidCt.Cluster;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Files;
using CovidCt.Reporting.Runs;
using Microsoft.ML;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>evaluate --cluster</c>: the patients run on the cluster's workers instead of in this process, then everything after
/// the pipeline (figures, lesions, tables, reports) runs here exactly as in <see cref="ModelEvaluation"/>, on the same outcomes.
/// </summary>
internal static class ClusterModelEvaluation
{
    /// <summary>How long the coordinator waits for a first worker.</summary>
    public static readonly TimeSpan WorkerWait = TimeSpan.FromSeconds(60);

    /// <summary>The shared folder of a clustered run into <paramref name="outFolder"/>: <c>.NAME.cluster</c> beside it, kept until the run is complete.</summary>
    public static ClusterRunFolder RunFolderOf(string outFolder)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outFolder));
        return new ClusterRunFolder(Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.cluster"));
    }

    /// <summary>Runs <paramref name="settings"/>' evaluation over the cluster; <paramref name="onPatient"/> sees each patient, re-read here, in manifest order.</summary>
    public static ModelRun Run(ClusterConnection connection, EvaluateSettings settings, RunProgress progress, TextWriter log, Action<CohortPatient, PatientOutcome> onPatient)
    {
        // An unreachable database or missing tables is said before the model is loaded and the cohort fingerprinted.
        Clustered(() => connection.CheckAsync(CancellationToken.None).GetAwaiter().GetResult());
        var (definition, manifest, split) = (settings.Pipeline, settings.Manifest, settings.Split);
        if (Directory.Exists(manifest.Path))
        {
            throw new UsageException("--cluster runs cohorts given by a manifest file (its rows are what workers are handed); write one for the image folders with an 'image' column and pass it with --cohort");
        }
        var entries = manifest.InSplit(split).ToArray();
        if (entries.Length == 0)
        {
            throw new UsageException($"{manifest.Path} has no patients in split '{CohortSplitNames.NameOrAll(split)}'; choose another with --split (test, val, train or all)");
        }
        // The coordinator fits the chain too, without scoring anything: the provenance and the cache count are then those of a single-process run.
        // The cohort's fingerprint lists every file of the cohort: computed once here and handed to the workers with each patient.
        var fingerprint = CohortFingerprint.Compute(manifest);
        using var detection = new CohortDetection(new MLContext(), definition, new ProbabilityCacheOptions(settings.CacheRoot, fingerprint));
        var cached = entries.Count(e => detection.Scoring.IsCached(e.PatientId));
        var chunkSlices = ChunkSlicesOf(settings.ChunkSlices, detection);
        if (!settings.Quiet) log.WriteLine($"Series longer than {chunkSlices} slices are split into chunks of {chunkSlices} ({(settings.ChunkSlices is null ? "from the memory budget; set with --chunk-slices" : "--chunk-slices")}).");
        var read = ReadOf(manifest);
        var pipelineJson = definition.ToJson();
        var run = new ClusterRun(connection, RunFolderOf(settings.OutFolder), RunKey(pipelineJson, manifest, split, settings.CacheRoot, read, chunkSlices), pipelineJson,
            manifest.Path, [.. entries.Select(e => e.PatientId)], settings.CacheRoot, fingerprint, read, WorkerWait, chunkSlices, definition.Options.PatientRule);
        // Figures and lesions need each patient's volume and mask: read here again (several at once), handed on in manifest order as
        // the single-process run sees them, each as soon as it and the patients before it are done, while the workers go on with the rest.
        using var inOrder = new PatientsInOrder(entries, manifest.ImageOptions, onPatient);
        ClusterResult? result = null;
        progress.Run($"Running {Path.GetFileName(definition.ModelPath)} on {CaseProgressLine.Cases(manifest.Level, entries.Length)} over cluster {connection.Name} ({cached} from the probability cache)",
            entries.Length, step => result = RunCluster(run, step, inOrder));
        if (!settings.Quiet)
        {
            var workers = string.Join(", ", result!.PerWorker.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key} {w.Value}"));
            log.WriteLine($"Cluster: {result.Resumed} patients resumed from an interrupted run, {result.Reassigned} handed to another worker; "
                + $"{result.SplitPatients} patients split into {result.Chunks} chunks; per worker (patients and chunks): {(workers.Length == 0 ? "none" : workers)}");
            // The coordinator's overhead per patient (docs/scale.md): reading each patient again, and how much of it the run waits for at its end.
            log.WriteLine($"Coordinator: {inOrder.Patients} patients re-read for figures and lesions, {inOrder.ReadSeconds / Math.Max(1, inOrder.Patients):0.00} s each on {inOrder.Readers} threads; "
                + $"the last handed on {inOrder.TailSeconds:0.0} s after the last result");
        }
        var outcomes = entries.Select(e => result!.Outcomes[e.PatientId]).ToArray();
        var provenance = RunProvenance.Describe(definition, detection.Scoring) with { CachedPatients = cached };
        // The workers' warnings (each once, naming the worker): evaluate prints them after the progress and keeps them in metrics.json.
        return new ModelRun(ModelRun.NamesOf([definition.ModelPath])[0], PipelineEvaluation.Compute(outcomes, settings.Method, settings.Level))
        {
            Provenance = provenance,
            Warnings = result!.Warnings,
        };
    }

    /// <summary>Copies the workers' Parquet parts into the output being written.</summary>
    public static void CopyParts(string outFolder, string staging)
    {
        var parts = RunFolderOf(outFolder).ParquetFolder;
        foreach (var file in Directory.EnumerateFiles(parts, "*.parquet", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(staging, "parquet", Path.GetRelativePath(parts, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    /// <summary>Deletes the run folder once the output holds the complete result.</summary>
    public static void Finish(string outFolder)
    {
        var folder = RunFolderOf(outFolder).Path;
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private static ClusterResult RunCluster(ClusterRun run, Action<string> step, PatientsInOrder inOrder)
    {
        ClusterResult? result = null;
        try
        {
            Clustered(() => result = ClusterCoordinator.RunAsync(run, step, inOrder.Add, inOrder.Stopped).GetAwaiter().GetResult());
        }
        catch (OperationCanceledException)
        {
            // Reading a patient here failed and stopped the run: Complete throws that error.
        }
        inOrder.Complete();
        return result!;
    }

    // A cluster that cannot go on (no worker, database unreachable, tables missing) is the user's to fix: exit 2 with the message.
    private static void Clustered(Action run)
    {
        try
        {
            run();
        }
        catch (ClusterException e)
        {
            throw new UsageException(e.Message);
        }
    }

    // The chunk size asked for, or the one the memory budget gives (SliceChunks.DefaultSlices); either is whole scoring batches.
    private static int ChunkSlicesOf(int? asked, CohortDetection detection)
    {
        var scorer = detection.Scoring.Scorer;
        if (asked is not { } slices)
        {
            var preprocessing = scorer.Preprocessing;
            return SliceChunks.DefaultSlices(scorer.Plan, (long)preprocessing.InputHeight * preprocessing.InputWidth, preprocessing.Channels, scorer.Options.MemoryBudgetBytes);
        }
        return SliceChunks.Problem(slices, scorer.Plan.BatchSize) is { } problem ? throw new UsageException(problem) : slices;
    }

    private static ReadSettings? ReadOf(CohortManifest manifest) => manifest.ImageOptions is not { } o ? null
        : new ReadSettings(o.SeriesInstanceUid, o.Window?.Width, o.Window?.Level, o.Limits.MaxSlicePixels, o.Limits.MaxVoxels);

    // Everything that changes a result: a run folder holding another key's results is emptied, one holding this key's is resumed.
    // The chunk size is part of it: chunks of another size are not this run's.
    private static string RunKey(string pipelineJson, CohortManifest manifest, CohortSplit? split, string cacheRoot, ReadSettings? read, int chunkSlices)
    {
        var text = new StringBuilder()
            .AppendLine(pipelineJson).AppendLine(manifest.Path).AppendLine(Convert.ToHexString(SHA256.HashData(manifest.DefinitionBytes())))
            .AppendLine(CohortSplitNames.NameOrAll(split)).AppendLine(cacheRoot).AppendLine(read?.ToString() ?? "default read")
            .AppendLine(chunkSlices.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
