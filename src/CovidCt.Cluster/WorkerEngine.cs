using System.Diagnostics;
using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Imaging;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using Microsoft.ML;

namespace CovidCt.Cluster;

/// <summary>
/// What a worker process runs: the one ML.NET chain (<see cref="CohortDetection"/>), built once per run from the run's
/// pipeline.json, over the patients (or chunks of long series) it is handed, one at a time. Each result is written into the
/// run folder before it is returned, so a coordinator that dies meanwhile finds it there.
/// </summary>
/// <param name="name">The worker's name, in replies and logs.</param>
/// <param name="cudaDevice">The CUDA device to score on, or null for the CPU.</param>
/// <param name="log">Where a line per patient goes.</param>
internal sealed class WorkerEngine(string name, int? cudaDevice, TextWriter log) : IDisposable
{
    private readonly Lock _gate = new();
    private Prepared? _prepared;

    /// <summary>The worker's name.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// Runs <paramref name="job"/>'s patient, or the chunk of its slices the job names when the series is longer than a chunk; an
    /// input the pipeline refuses comes back as the reply's error, not as an exception.
    /// </summary>
    public PatientReply Evaluate(PatientJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var clock = Stopwatch.StartNew();
        lock (_gate)
        {
            try
            {
                var prepared = Prepare(job);
                var entry = prepared.Manifest.Entries.FirstOrDefault(e => string.Equals(e.PatientId, job.PatientId, StringComparison.Ordinal))
                    ?? throw new Data.IO.InvalidInputException(job.ManifestPath, $"patient '{job.PatientId}' is not in the manifest this worker reads; expected the coordinator's manifest");
                // A chunk needs the whole volume too: the body frame is taken over every slice.
                var patient = CohortReader.Read(entry, new CohortReadOptions { Images = prepared.Manifest.ImageOptions });
                var slices = patient.Volume.Geometry.Depth;
                var folder = new ClusterRunFolder(job.RunFolder);
                string json;
                string done;
                if (SliceChunks.IsSplit(slices, job.ChunkSlices))
                {
                    if (job.FirstSlice % job.ChunkSlices != 0 || job.FirstSlice >= slices)
                    {
                        throw new Data.IO.InvalidInputException(patient.Volume.Source, $"patient '{job.PatientId}' has {slices} slices, but the chunk from slice {job.FirstSlice} was asked for; expected the series the coordinator's first worker read (did its files change during the run?)");
                    }
                    var count = SliceChunks.CountAt(job.FirstSlice, slices, job.ChunkSlices);
                    var chunk = prepared.Detection.RunChunk(patient, SliceChunks.ChunkId(job.PatientId, job.FirstSlice, count, slices), job.FirstSlice, count);
                    // Written under the patient's name: the chunk's name served the cache and the errors only.
                    json = OutcomeJson.Write(chunk with { Result = chunk.Result with { PatientId = job.PatientId } });
                    folder.WriteChunk(job.PatientId, job.FirstSlice, slices, json);
                    done = $"{job.PatientId} slices {job.FirstSlice}-{job.FirstSlice + count - 1} of {slices}";
                }
                else
                {
                    var outcome = prepared.Detection.RunPatients([patient]).Single();
                    json = OutcomeJson.Write(outcome);
                    folder.Write(outcome, json);
                    done = job.PatientId;
                }
                var warnings = prepared.Warnings();
                log.WriteLine($"{Name}: {done} done in {clock.Elapsed.TotalSeconds:0.00} s");
                return new PatientReply(job.PatientId, Name, json, null, clock.Elapsed.TotalSeconds, slices, warnings);
            }
            catch (CovidCtInputException e)
            {
                log.WriteLine($"{Name}: {job.PatientId} refused: {e.Message}");
                return new PatientReply(job.PatientId, Name, null, e.Message, clock.Elapsed.TotalSeconds, 0, _prepared?.Warnings() ?? []);
            }
        }
    }

    // The chain is fitted (models loaded) once per run folder and kept for the run's next patients.
    private Prepared Prepare(PatientJob job)
    {
        var runFolder = new ClusterRunFolder(job.RunFolder);
        if (_prepared is { } current && current.RunFolder == runFolder.Path && current.Key == File.ReadAllText(runFolder.KeyPath)) return current;
        _prepared?.Dispose();
        _prepared = null;
        var manifest = CohortManifest.Load(job.ManifestPath, ReadOptions(job.Read));
        var definition = PipelineDefinition.Load(runFolder.PipelinePath);
        if (cudaDevice is { } device)
        {
            definition.Options.Scoring.UseCuda = true;
            definition.Options.Scoring.CudaDeviceId = device;
        }
        var detection = new CohortDetection(new MLContext(), definition, new ProbabilityCacheOptions(job.CacheRoot, job.CohortFingerprint));
        var scorer = detection.Scoring.Scorer;
        // The scoring plan is this machine's (its cores), so its memory warning is this worker's to give.
        var warnings = new List<string>();
        if (scorer.BudgetWarning is { } budget) warnings.Add(budget);
        if (cudaDevice is not null && !scorer.UsesCuda) warnings.Add($"the CUDA provider could not start on device {cudaDevice}; scoring on the CPU");
        foreach (var warning in warnings) log.WriteLine($"{Name}: warning: {warning}");
        _prepared = new Prepared(runFolder.Path, File.ReadAllText(runFolder.KeyPath), manifest, detection, [.. warnings]);
        return _prepared;
    }

    private static CtReadOptions? ReadOptions(ReadSettings? read) => read is null ? null : new CtReadOptions
    {
        SeriesInstanceUid = read.SeriesInstanceUid,
        Window = read.WindowWidth is { } width && read.WindowLevel is { } level ? new HounsfieldWindow(width, level) : null,
        Limits = new InputLimits { MaxSlicePixels = read.MaxSlicePixels, MaxVoxels = read.MaxVoxels },
    };

    /// <summary>Releases the model sessions.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _prepared?.Dispose();
            _prepared = null;
        }
    }

    private sealed record Prepared(string RunFolder, string Key, CohortManifest Manifest, CohortDetection Detection, string[] PlanWarnings) : IDisposable
    {
        // The cache's warning appears once a write has failed, and a read assumption once a volume made it, so both are asked for with every reply.
        public string[] Warnings() => [.. PlanWarnings, .. Detection.Warnings];

        public void Dispose() => Detection.Dispose();
    }
}
