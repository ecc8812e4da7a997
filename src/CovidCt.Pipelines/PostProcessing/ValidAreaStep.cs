using System.Collections.Concurrent;
using CovidCt.Data.IO;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.PostProcessing;

/// <summary>
/// Step 4 on one patient: the lung fields of every slice, by the HU segmentation (<see cref="LungSegmenter"/>) or, when
/// <see cref="ValidAreaOptions.SegmentationModelPath"/> is set, by the segmentation model scored in batches with the same
/// runtime options as the lesion model; in a chain, on the lesion model's threads and within its memory budget
/// (<see cref="ScoringShare"/>). The one implementation of the valid area: the ML.NET chain's valid-area transformer
/// and <see cref="DetectionPipeline"/> both call it. The area is not applied here: <see cref="SliceDetector"/> receives it with
/// <see cref="ValidAreaOptions.Region"/>. The HU segmentation runs the slices of a patient in parallel (one segmenter per thread;
/// each slice's area is its own, so the areas are those of one slice after another). With a cache (the chain's, given the probability
/// cache), a patient's HU areas are read from <see cref="ValidAreaCache"/> when present. Not thread-safe.
/// </summary>
public sealed class ValidAreaStep : IDisposable
{
    private readonly ConcurrentBag<LungSegmenter> _segmenters = [];

    /// <summary>The step for <paramref name="options"/>; <paramref name="scoring"/> runs the segmentation model when there is one.</summary>
    /// <exception cref="InvalidInputException">When the segmentation model cannot be loaded or has no usable image input.</exception>
    public ValidAreaStep(ValidAreaOptions options, OnnxScoringOptions? scoring = null)
        : this(options, scoring, cache: null)
    {
    }

    /// <summary>
    /// The step for <paramref name="options"/>, reading and writing the HU areas in <paramref name="cache"/>'s root when set; the
    /// segmentation model scored as the last member of <paramref name="share"/> (the chain's, <see cref="ScoringShare.ForChain(string, PipelineOptions)"/>)
    /// when set, else on threads of its own.
    /// </summary>
    internal ValidAreaStep(ValidAreaOptions options, OnnxScoringOptions? scoring, ProbabilityCacheOptions? cache, ScoringShare? share = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        if (SegmentationModel(options) is { } model)
        {
            Model = share is null
                ? new ValidAreaModel(model.ModelPath, options.SegmentationThreshold, scoring)
                : new ValidAreaModel(model.ModelPath, options.SegmentationThreshold, scoring, share, member: 1);
        }
        Cache = cache is null ? null : ValidAreaCache.For(cache, options);
    }

    /// <summary>The segmentation model the step scores with <paramref name="options"/>, or null (the HU segmentation, or the whole image).</summary>
    internal static ScoringShare.Member? SegmentationModel(ValidAreaOptions options) =>
        options.SegmentationModelPath is { } path && options.Region != ValidAreaRegion.WholeImage ? new ScoringShare.Member(path, ValidAreaModel.Preprocessing) : null;

    /// <summary>The options in force.</summary>
    public ValidAreaOptions Options { get; }

    /// <summary>The segmentation model, or null when the HU segmentation is used (or the region is the whole image).</summary>
    public ValidAreaModel? Model { get; }

    /// <summary>The HU areas' cache, or null (no cache given, a segmentation model, or the whole image).</summary>
    internal ValidAreaCache? Cache { get; }

    /// <summary>The areas of <paramref name="patientId"/>'s slices: from the cache when it holds them, else <see cref="Segment(IReadOnlyList{ReadOnlyMemory{float}}, int, int, string)"/>'s, cached.</summary>
    /// <exception cref="InvalidInputException">As <see cref="Segment(IReadOnlyList{ReadOnlyMemory{float}}, int, int, string)"/>.</exception>
    internal IReadOnlyList<ValidArea> Segment(string patientId, IReadOnlyList<ReadOnlyMemory<float>> slices, int width, int height, string source) =>
        Cache is null ? Segment(slices, width, height, source) : Cache.GetOrSegment(patientId, slices.Count, width, height, () => Segment(slices, width, height, source));

    /// <summary>The valid area of every slice of one patient (each <paramref name="width"/> x <paramref name="height"/> HU, row-major), in order.</summary>
    /// <exception cref="InvalidInputException">When the segmentation model returns NaN or infinity, naming <paramref name="source"/> and the slice.</exception>
    public IReadOnlyList<ValidArea> Segment(IReadOnlyList<ReadOnlyMemory<float>> slices, int width, int height, string source)
    {
        ArgumentNullException.ThrowIfNull(slices);
        if (Model is not null) return Model.Segment(slices, width, height, source);
        var areas = new ValidArea[slices.Count];
        Parallel.For(0, areas.Length, () => _segmenters.TryTake(out var s) ? s : new LungSegmenter(),
            (z, _, segmenter) =>
            {
                areas[z] = segmenter.Segment(slices[z].Span, width, height, Options);
                return segmenter;
            },
            _segmenters.Add);
        return areas;
    }

    /// <summary>Releases the segmentation model's session.</summary>
    public void Dispose() => Model?.Dispose();
}
