using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Catalog;

/// <summary>Everything step 4 (the valid area) needs: the HU segmentation or segmentation model settings, and the runtime options the segmentation model is scored with.</summary>
public sealed class ApplyValidAreaOptions
{
    /// <summary>Region, HU segmentation parameters, or the segmentation model (<see cref="ValidAreaOptions.SegmentationModelPath"/>) and its threshold.</summary>
    public ValidAreaOptions ValidArea { get; set; } = new();

    /// <summary>How the segmentation model runs over ONNX Runtime (ignored by the HU segmentation).</summary>
    public OnnxScoringOptions Scoring { get; set; } = new();

    /// <summary>
    /// The cache root and cohort whose HU valid areas are read from, and written to, the valid-area cache beside the probability
    /// maps (<c>ROOT/valid-areas</c>, keyed by the cohort, every segmentation option and the segmentation's code version); null
    /// (default) to segment every time. A segmentation model's areas and the whole image are never cached.
    /// </summary>
    public ProbabilityCacheOptions? Cache { get; set; }

    /// <summary>The threads and memory budget the model shares with the chain's lesion model, a share per fit (<see cref="ChainShares"/>), or null for its own.</summary>
    internal ChainShares? Shares { get; set; }

    /// <summary>Checks the options once, when the pipeline is built.</summary>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    /// <exception cref="Data.IO.InvalidInputException">When the segmentation model file does not exist.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(ValidArea, nameof(ValidArea));
        ArgumentNullException.ThrowIfNull(Scoring, nameof(Scoring));
        ValidArea.Validate();
        Scoring.Validate();
        if (ValidArea.SegmentationModelPath is { } path) ModelFile.Require(path, nameof(ValidAreaOptions.SegmentationModelPath));
    }
}
