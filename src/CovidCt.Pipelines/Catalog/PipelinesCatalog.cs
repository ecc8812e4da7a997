using CovidCt.Data.IO;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// The study's pipeline as <c>mlContext.Transforms</c> extension methods, each step an estimator chained with <c>Append</c>:
/// <code>
/// var pipeline = ml.Transforms.PreprocessCtSlices(model)
///     .Append(ml.Transforms.ScoreLesionsBatched(model))
///     .Append(ml.Transforms.ApplyValidArea())
///     .Append(ml.Transforms.DetectLesionBoxes());
/// var detected = pipeline.Fit(slices).Transform(slices);
/// var patients = PatientAggregator.Aggregate(ml, detected, new PatientRuleOptions());
/// </code>
/// </summary>
public static class PipelinesCatalog
{
    // The steps only need a context to move rows in and out of IDataViews; ML.NET does not expose the catalog's own.
    private static MLContext Context => new();

    /// <summary>Step 2: windows, resizes and lays out <c>Hounsfield</c> into <c>Image</c> as the model at <paramref name="modelPath"/> expects.</summary>
    /// <exception cref="InvalidInputException">When the model cannot be read or contradicts <paramref name="options"/>.</exception>
    public static SliceEstimator<CtSliceRow, PreprocessedSliceRow> PreprocessCtSlices(this TransformsCatalog catalog, string modelPath, PreprocessingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var preprocessing = ImagePreprocessing.Resolve(options ?? new PreprocessingOptions(), OnnxModelInfo.Read(modelPath));
        var context = Context;
        return new SliceEstimator<CtSliceRow, PreprocessedSliceRow>(context, "PreprocessCtSlices", () => new PreprocessingTransformer(context, preprocessing));
    }

    /// <summary>Step 3: scores <c>Image</c> in batches over ONNX Runtime into <c>Probability</c>. The fitted transformer holds the model session: dispose it.</summary>
    /// <exception cref="InvalidInputException">When the model cannot be read or does not fit the options.</exception>
    public static SliceEstimator<PreprocessedSliceRow, ScoredSliceRow> ScoreLesionsBatched(this TransformsCatalog catalog, string modelPath,
        OnnxScoringOptions? options = null, PreprocessingOptions? preprocessing = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        // Open once now so a bad model fails when the pipeline is built, not when it is first cursored.
        new BatchedOnnxScorer(modelPath, preprocessing, options).Dispose();
        var context = Context;
        return new SliceEstimator<PreprocessedSliceRow, ScoredSliceRow>(context, "ScoreLesionsBatched",
            () => new BatchedScoringTransformer(context, new BatchedOnnxScorer(modelPath, preprocessing, options)));
    }

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
            .Append(catalog.ApplyOnnxModel([output], [model.InputName], modelPath, scoring.UseCuda ? scoring.CudaDeviceId : null, fallbackToCpu: true))
            .Append(catalog.CopyColumns(nameof(ScoredSliceRow.Probability), output))
            .Append(catalog.CustomMapping<MapSizeInput, MapSize>((_, size) =>
            {
                size.ProbabilityWidth = width;
                size.ProbabilityHeight = height;
            }, contractName: null));
    }

    /// <summary>Step 4: the valid area (classical HU lung segmentation); adds <c>ValidAreaMask</c> and zeroes <c>Probability</c> outside it.</summary>
    public static SliceEstimator<ScoredSliceRow, ValidAreaSliceRow> ApplyValidArea(this TransformsCatalog catalog, ValidAreaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var context = Context;
        var resolved = options ?? new ValidAreaOptions();
        return new SliceEstimator<ScoredSliceRow, ValidAreaSliceRow>(context, "ApplyValidArea", () => new ValidAreaTransformer(context, resolved));
    }

    /// <summary>Steps 5 to 7: boxes, quadrants, image decision (<c>IsPositive</c>) and image score (<c>Score</c>).</summary>
    public static SliceEstimator<ValidAreaSliceRow, DetectedSliceRow> DetectLesionBoxes(this TransformsCatalog catalog, LesionBoxOptions? boxes = null, QuadrantOptions? quadrants = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var context = Context;
        var (b, q) = (boxes ?? new LesionBoxOptions(), quadrants ?? new QuadrantOptions());
        return new SliceEstimator<ValidAreaSliceRow, DetectedSliceRow>(context, "DetectLesionBoxes", () => new LesionDetectionTransformer(context, b, q));
    }

    /// <summary>Steps 2 to 7 with one <see cref="PipelineOptions"/>, chained with <c>Append</c>.</summary>
    public static IEstimator<ITransformer> DetectCovidLesions(this TransformsCatalog catalog, string modelPath, PipelineOptions? options = null)
    {
        var o = options ?? new PipelineOptions();
        return catalog.PreprocessCtSlices(modelPath, o.Preprocessing)
            .Append(catalog.ScoreLesionsBatched(modelPath, o.Scoring, o.Preprocessing))
            .Append(catalog.ApplyValidArea(o.ValidArea))
            .Append(catalog.DetectLesionBoxes(o.LesionBoxes, o.Quadrants));
    }

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
