using CovidCt.Data.IO;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Onnx;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// Step 3 through ML.NET's own <c>ApplyOnnxModel</c>, as a <c>mlContext.Transforms</c> extension: the reference the batched
/// scorer of <see cref="CovidCtCatalog.ScoreLesions(ScoreLesionsOptions)"/> is checked against (tests and benchmarks), not
/// a step of the pipeline.
/// </summary>
public static class PipelinesCatalog
{
    /// <summary>
    /// Step 3 through ML.NET's own <c>ApplyOnnxModel</c> (one row per call): the reference the batched scorer is checked against.
    /// Writes the same <c>Probability</c>, <c>ProbabilityWidth</c> and <c>ProbabilityHeight</c> columns; needs a model with one
    /// output (or <see cref="OnnxScoringOptions.OutputName"/>) whose size equals its input size.
    /// </summary>
    /// <exception cref="InvalidInputException">When the model cannot be read or does not fit.</exception>
    public static IEstimator<ITransformer> ScoreLesionsWithApplyOnnxModel(this TransformsCatalog catalog, string modelPath, OnnxScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var model = OnnxModelInfo.Read(modelPath);
        var scoring = options ?? new OnnxScoringOptions();
        if (scoring.AverageOutputs && scoring.OutputName is null)
        {
            throw new InvalidInputException(modelPath, "the ApplyOnnxModel reference reads one output; name it instead of averaging");
        }
        var output = BatchedOnnxScorer.SelectOutputs(model, scoring).Single();
        var (width, height) = (model.InputWidth, model.InputHeight);
        return catalog.CopyColumns(model.InputName, nameof(PreprocessedSliceRow.Image))
            .Append(catalog.ApplyOnnxModel(ApplyOnnxModelOptions(modelPath, model.InputName, output, scoring, Environment.ProcessorCount)))
            .Append(catalog.CopyColumns(nameof(ScoredSliceRow.Probability), output))
            .Append(catalog.CustomMapping<MapSizeInput, MapSize>((_, size) =>
            {
                size.ProbabilityWidth = width;
                size.ProbabilityHeight = height;
            }, contractName: null));
    }

    // ApplyOnnxModel runs one row per call, so its one session gets every core unless the options state the threads; left at
    // ML.NET's default it inherited ONNX Runtime's, which used one core on the 2-core machine of benchmarks/README.md.
    internal static OnnxOptions ApplyOnnxModelOptions(string modelPath, string input, string output, OnnxScoringOptions scoring, int cores) => new()
    {
        ModelFile = modelPath,
        InputColumns = [input],
        OutputColumns = [output],
        GpuDeviceId = scoring.UseCuda ? scoring.CudaDeviceId : null,
        FallbackToCpu = true,
        IntraOpNumThreads = ScoringPlan.Choose(new OnnxScoringOptions { IntraOpThreads = scoring.IntraOpThreads, ConcurrentBatches = 1 }, 1, cores, ScoringPlan.DefaultMemoryBudgetBytes).IntraOpThreads,
        InterOpNumThreads = 1,
    };

    private sealed class MapSizeInput
    {
        [VectorType]
        public float[] Probability { get; set; } = [];
    }

    private sealed class MapSize
    {
        public int ProbabilityWidth { get; set; }

        public int ProbabilityHeight { get; set; }
    }
}
