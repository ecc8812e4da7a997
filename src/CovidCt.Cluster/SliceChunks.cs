using System.Globalization;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Cluster;

/// <summary>
/// How a clustered run splits long series: a patient with more slices than the chunk size is run as chunks of that many
/// consecutive slices (the last one shorter), each on whichever worker is free, and joined on the coordinator. No chunk
/// needs slices of its neighbours: every step before the patient rule works on one slice at a time, or on the patient's
/// body frame, which each chunk takes over the whole volume (<see cref="Pipelines.Catalog.SliceDataView.ChunkRows"/>); the
/// k-consecutive rule, the only step that reads neighbouring slices, runs once over the joined series (<see cref="ChunkedPatient"/>).
/// </summary>
internal static class SliceChunks
{
    /// <summary>
    /// Pixels of the slices the default chunk size assumes, 512 x 512: the study's, and the usual CT matrix; the coordinator does
    /// not read a series before handing it out, so it cannot know its size.
    /// </summary>
    public const long AssumedSlicePixels = 512 * 512;

    /// <summary>The fewest slices a default chunk holds, so that a budget already spent on scoring still splits into chunks of some use.</summary>
    public const int FewestDefaultSlices = 16;

    /// <summary>
    /// Bytes a chunk holds per slice beside the volume itself, for a model of <paramref name="inputFloats"/> input floats
    /// (channels x height x width): the model input, the probability map at the slice's resolution, and the valid area's
    /// mask and scratch, each 4 bytes a pixel.
    /// </summary>
    public static long BytesPerSlice(long inputFloats) => 4 * (inputFloats + 2 * AssumedSlicePixels);

    /// <summary>
    /// The default chunk size: the slices whose per-slice state (<see cref="BytesPerSlice"/>) fits in what the memory budget
    /// leaves beside one scoring batch of each of the chain's models (<see cref="ScoringPlan.OneBatchBytes"/>: the lesion
    /// model's session, and the segmentation model's too with <c>--valid-area model</c>), rounded down to whole batches and at least
    /// <see cref="FewestDefaultSlices"/> (rounded up to whole batches). With the default 2 GiB budget, a one-channel 128 x 128
    /// model (the shipped ones) gets chunks of 713 slices and the study-size 512 x 512 UNet++ 170.
    /// </summary>
    /// <param name="plan">The scoring plan (batch size, and the sessions it shares the budget with).</param>
    /// <param name="inputPixels">The model's input height x width.</param>
    /// <param name="channels">The model's input channels.</param>
    /// <param name="memoryBudgetBytes">The memory budget of scoring.</param>
    public static int DefaultSlices(ScoringPlan plan, long inputPixels, int channels, long memoryBudgetBytes)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var left = memoryBudgetBytes - plan.OneBatchBytes;
        var slices = Math.Clamp(left / BytesPerSlice(inputPixels * channels), 0, int.MaxValue / 2);
        var batches = Math.Max(slices / plan.BatchSize, (FewestDefaultSlices + plan.BatchSize - 1) / plan.BatchSize);
        return (int)(batches * plan.BatchSize);
    }

    /// <summary>
    /// Null when <paramref name="chunkSlices"/> is a usable chunk size; otherwise why not. A chunk must be whole scoring batches, so
    /// that every batch holds the same slices as in a single-process run and no number can change with the split.
    /// </summary>
    public static string? Problem(int chunkSlices, int batchSize) => chunkSlices < 1
        ? string.Create(CultureInfo.InvariantCulture, $"--chunk-slices {chunkSlices}: expected a positive number of slices")
        : chunkSlices % batchSize != 0
            ? string.Create(CultureInfo.InvariantCulture, $"--chunk-slices {chunkSlices} is not a multiple of the scoring batch size {batchSize}; expected whole batches (for instance {Math.Max(1, chunkSlices / batchSize) * batchSize}), so each batch holds the slices it holds in a single-process run")
            : null;

    /// <summary>True when a series of <paramref name="sliceCount"/> slices is run in chunks of <paramref name="chunkSlices"/>.</summary>
    public static bool IsSplit(int sliceCount, int chunkSlices) => sliceCount > chunkSlices;

    /// <summary>The first slice of each chunk of a series of <paramref name="sliceCount"/> slices.</summary>
    public static IEnumerable<int> Starts(int sliceCount, int chunkSlices)
    {
        for (var first = 0; first < sliceCount; first += chunkSlices) yield return first;
    }

    /// <summary>The slices of the chunk starting at <paramref name="firstSlice"/>.</summary>
    public static int CountAt(int firstSlice, int sliceCount, int chunkSlices) => Math.Min(chunkSlices, sliceCount - firstSlice);

    /// <summary>
    /// The name a chunk runs under in the pipeline, e.g. "P012 slices 128-255 of 300": its own entry in the probability cache
    /// (the patient's entry holds the whole series) and what errors raised inside the chunk name.
    /// </summary>
    public static string ChunkId(string patientId, int firstSlice, int count, int sliceCount) =>
        string.Create(CultureInfo.InvariantCulture, $"{patientId} slices {firstSlice}-{firstSlice + count - 1} of {sliceCount}");
}
