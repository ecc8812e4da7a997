using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Reporting.Runs;

/// <summary>Where a run came from: the model file, the full pipeline definition that ran, the model's description and the probability cache.</summary>
/// <param name="ModelPath">The model file.</param>
/// <param name="Pipeline">Every option, the model's SHA-256 and the valid-area model's: embedded in metrics.json as <c>pipeline</c>.</param>
/// <param name="Architecture">The model's architecture from its metadata, or <c>unknown</c>.</param>
/// <param name="Version">The model's version from its metadata, or <c>unknown</c>.</param>
public sealed record RunProvenance(string ModelPath, PipelineDefinition Pipeline, string Architecture, string Version)
{
    /// <summary>The cache folder of this model and cohort; null when maps were not cached.</summary>
    public string? CacheFolder { get; init; }

    /// <summary>Patients whose maps were read from the cache rather than computed.</summary>
    public int CachedPatients { get; init; }

    /// <summary>The options the pipeline ran with.</summary>
    public PipelineOptions Options => Pipeline.Options;

    /// <summary>
    /// The provenance of a run of <paramref name="model"/> (already hashed when loaded) at <paramref name="modelPath"/> with
    /// <paramref name="options"/>. The recorded definition holds the preprocessing as resolved against the model
    /// (<paramref name="preprocessing"/>: window, input size, layout, channels), not the options' "take it from the model"
    /// nulls, so it says what ran even when the model's metadata changes.
    /// </summary>
    public static RunProvenance Describe(string modelPath, OnnxModelInfo model, ImagePreprocessing preprocessing, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(preprocessing);
        ArgumentNullException.ThrowIfNull(options);
        var segmentation = options.ValidArea.SegmentationModelPath;
        var resolved = new PipelineOptions
        {
            Preprocessing = new PreprocessingOptions
            {
                WindowWidth = preprocessing.WindowWidth, WindowLevel = preprocessing.WindowLevel, InputHeight = preprocessing.InputHeight,
                InputWidth = preprocessing.InputWidth, Layout = preprocessing.Layout, Channels = preprocessing.Channels, InputName = model.InputName,
            },
            Scoring = options.Scoring,
            ValidArea = options.ValidArea,
            LesionBoxes = options.LesionBoxes,
            Quadrants = options.Quadrants,
            PatientRule = options.PatientRule,
        };
        var definition = new PipelineDefinition
        {
            ModelPath = modelPath,
            ModelSha256 = model.Sha256,
            ValidAreaModelSha256 = segmentation is null ? null : OnnxModelInfo.HashFile(segmentation),
            Options = resolved,
        };
        return new RunProvenance(modelPath, definition,
            model.Metadata.GetValueOrDefault(ModelMetadataKeys.Architecture, "unknown"), model.Metadata.GetValueOrDefault(ModelMetadataKeys.Version, "unknown"));
    }
}
