using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Catalog;

/// <summary>Everything step 3 (batched ONNX scoring) needs: the model, its preprocessing, the runtime options and the probability-map cache.</summary>
public sealed class ScoreLesionsOptions
{
    /// <summary>The lesion model (ONNX).</summary>
    public string ModelFile { get; set; } = "";

    /// <summary>The preprocessing overrides (the same as step 2's; they are part of the cache key).</summary>
    public PreprocessingOptions Preprocessing { get; set; } = new();

    /// <summary>Batch size, threads, concurrent batches, provider, output.</summary>
    public OnnxScoringOptions Scoring { get; set; } = new();

    /// <summary>
    /// The probability-map cache, or null (default) to score every patient. With a cache, each patient's maps are read from it or
    /// scored and written at the patient's last row, and every later step sees the 8-bit quantised maps (<see cref="ProbabilityMapCache"/>).
    /// </summary>
    public ProbabilityCacheOptions? Cache { get; set; }

    /// <summary>The threads and memory budget the model shares with the chain's segmentation model, a share per fit (<see cref="ChainShares"/>), or null for its own.</summary>
    internal ChainShares? Shares { get; set; }

    /// <summary>Checks the options once, when the pipeline is built.</summary>
    /// <exception cref="ArgumentException">When the model path is empty or a runtime option is out of range.</exception>
    /// <exception cref="Data.IO.InvalidInputException">When the model file does not exist.</exception>
    public void Validate()
    {
        Catalog.ModelFile.Require(ModelFile, nameof(ModelFile));
        ArgumentNullException.ThrowIfNull(Preprocessing, nameof(Preprocessing));
        ArgumentNullException.ThrowIfNull(Scoring, nameof(Scoring));
        Scoring.Validate();
        if (Cache is not null && string.IsNullOrWhiteSpace(Cache.Root)) throw new ArgumentException("the cache root is empty; expected a folder", nameof(Cache));
    }
}
