using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Reporting.Runs;

/// <summary>Where a run came from: the full pipeline definition that ran, the model's description and the probability cache.</summary>
/// <param name="Pipeline">Every option, the model's SHA-256 and the valid-area model's, and what they resolved to: embedded in metrics.json as <c>pipeline</c>.</param>
/// <param name="Architecture">The model's architecture from its metadata, or <c>unknown</c>.</param>
/// <param name="Version">The model's version from its metadata, or <c>unknown</c>.</param>
public sealed record RunProvenance(PipelineDefinition Pipeline, string Architecture, string Version)
{
    /// <summary>The model file.</summary>
    public string ModelPath => Pipeline.ModelPath;

    /// <summary>The cache folder of this model and cohort; null when maps were not cached.</summary>
    public string? CacheFolder { get; init; }

    /// <summary>Patients whose maps were read from the cache rather than computed.</summary>
    public int CachedPatients { get; init; }

    /// <summary>The options the pipeline ran with.</summary>
    public PipelineOptions Options => Pipeline.Options;

    /// <summary>
    /// The provenance of <paramref name="definition"/> as <paramref name="scoring"/> (its scoring step) ran it. The recorded
    /// definition keeps the options as given (a null window still means "from the model") and its <c>resolved</c> block holds
    /// what the model resolved them to (window, input size, layout, channels, outputs), so it says what ran even when the
    /// model's metadata changes.
    /// </summary>
    public static RunProvenance Describe(PipelineDefinition definition, LesionScoring scoring)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(scoring);
        var model = scoring.Scorer.Model;
        var recorded = new PipelineDefinition
        {
            ModelPath = definition.ModelPath,
            ModelSha256 = model.Sha256,
            ValidAreaModelSha256 = definition.ValidAreaModelSha256,
            Options = definition.Options,
            Resolved = ResolvedSettings.Of(scoring.Preprocessing, scoring.Scorer.OutputNames),
        };
        return new RunProvenance(recorded, model.Metadata.GetValueOrDefault(ModelMetadataKeys.Architecture, "unknown"),
            model.Metadata.GetValueOrDefault(ModelMetadataKeys.Version, "unknown"))
        {
            CacheFolder = scoring.Cache?.Folder,
        };
    }
}
