using CovidCt.Data.IO;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.PostProcessing;

/// <summary>
/// Step 4 on one patient: the lung fields of every slice, by the HU segmentation (<see cref="LungSegmenter"/>) or, when
/// <see cref="ValidAreaOptions.SegmentationModelPath"/> is set, by the segmentation model scored in batches with the same
/// runtime options as the lesion model. The one implementation of the valid area: the ML.NET chain's valid-area transformer
/// and <see cref="DetectionPipeline"/> both call it. The area is not applied here: <see cref="SliceDetector"/> receives it with
/// <see cref="ValidAreaOptions.Region"/>. Not thread-safe.
/// </summary>
public sealed class ValidAreaStep : IDisposable
{
    private readonly LungSegmenter _segmenter = new();

    /// <summary>The step for <paramref name="options"/>; <paramref name="scoring"/> runs the segmentation model when there is one.</summary>
    /// <exception cref="InvalidInputException">When the segmentation model cannot be loaded or has no usable image input.</exception>
    public ValidAreaStep(ValidAreaOptions options, OnnxScoringOptions? scoring = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        if (options.SegmentationModelPath is { } path && options.Region != ValidAreaRegion.WholeImage)
        {
            Model = new ValidAreaModel(path, options.SegmentationThreshold, scoring);
        }
    }

    /// <summary>The options in force.</summary>
    public ValidAreaOptions Options { get; }

    /// <summary>The segmentation model, or null when the HU segmentation is used (or the region is the whole image).</summary>
    public ValidAreaModel? Model { get; }

    /// <summary>The valid area of every slice of one patient (each <paramref name="width"/> x <paramref name="height"/> HU, row-major), in order.</summary>
    /// <exception cref="InvalidInputException">When the segmentation model returns NaN or infinity, naming <paramref name="source"/> and the slice.</exception>
    public IReadOnlyList<ValidArea> Segment(IReadOnlyList<ReadOnlyMemory<float>> slices, int width, int height, string source)
    {
        ArgumentNullException.ThrowIfNull(slices);
        if (Model is not null) return Model.Segment(slices, width, height, source);
        var areas = new ValidArea[slices.Count];
        for (var z = 0; z < areas.Length; z++) areas[z] = _segmenter.Segment(slices[z].Span, width, height, Options);
        return areas;
    }

    /// <summary>Releases the segmentation model's session.</summary>
    public void Dispose() => Model?.Dispose();
}
