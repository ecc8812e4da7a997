namespace CovidCt.Cluster;

/// <summary>One patient, or one chunk of its slices, for a worker: where the run's shared files are, which cohort and patient, and how to read it.</summary>
/// <param name="RunFolder">The run's folder, shared by coordinator and workers: pipeline.json, and the per-patient results and Parquet parts.</param>
/// <param name="ManifestPath">The cohort manifest (a path every worker can read).</param>
/// <param name="PatientId">The patient to run.</param>
/// <param name="CacheRoot">The probability-map cache folder.</param>
/// <param name="Read">How the coordinator reads the cohort's images, or null for the manifest's defaults.</param>
/// <param name="CohortFingerprint">The cohort's part of the cache key, computed once by the coordinator: a worker would otherwise list every file of the cohort again.</param>
/// <param name="ChunkSlices">A series longer than this is run in chunks of this many slices (<see cref="SliceChunks"/>).</param>
/// <param name="FirstSlice">The chunk's first slice: 0 for a patient's first job, which runs the whole series when it is not longer than a chunk.</param>
[GenerateSerializer, Immutable]
internal sealed record PatientJob(
    [property: Id(0)] string RunFolder,
    [property: Id(1)] string ManifestPath,
    [property: Id(2)] string PatientId,
    [property: Id(3)] string CacheRoot,
    [property: Id(4)] ReadSettings? Read,
    [property: Id(5)] string CohortFingerprint,
    [property: Id(6)] int ChunkSlices,
    [property: Id(7)] int FirstSlice);

/// <summary>The image-reading options of a run, as plain values a worker rebuilds them from.</summary>
/// <param name="SeriesInstanceUid">The DICOM series to read, or null.</param>
/// <param name="WindowWidth">The export window's width for PNG/JPEG folders, or null for the study's.</param>
/// <param name="WindowLevel">The export window's level, with the width.</param>
/// <param name="MaxSlicePixels">The largest slice read.</param>
/// <param name="MaxVoxels">The largest volume read.</param>
[GenerateSerializer, Immutable]
internal sealed record ReadSettings(
    [property: Id(0)] string? SeriesInstanceUid,
    [property: Id(1)] double? WindowWidth,
    [property: Id(2)] double? WindowLevel,
    [property: Id(3)] long MaxSlicePixels,
    [property: Id(4)] long MaxVoxels);

/// <summary>What a worker did with a patient, or with a chunk of its slices.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Worker">The worker's name.</param>
/// <param name="OutcomeJson">The outcome (<see cref="OutcomeJson"/>), of the chunk's slices only for a chunk, or null when the input was refused.</param>
/// <param name="InputError">Why the patient's input was refused (file, field, what was expected), or null.</param>
/// <param name="Seconds">Seconds the worker spent on the patient.</param>
/// <param name="SliceCount">The patient's slices (all of them, also for a chunk): tells the coordinator the series was split.</param>
/// <param name="Warnings">The worker's run warnings (memory budget, probability cache, CUDA fallback), for the coordinator to print once.</param>
[GenerateSerializer, Immutable]
internal sealed record PatientReply(
    [property: Id(0)] string PatientId,
    [property: Id(1)] string Worker,
    [property: Id(2)] string? OutcomeJson,
    [property: Id(3)] string? InputError,
    [property: Id(4)] double Seconds,
    [property: Id(5)] int SliceCount,
    [property: Id(6)] string[] Warnings);
