using CovidCt.Data.IO;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// The study's pipeline as ML.NET estimators on the caller's <see cref="MLContext"/>, reached as <c>mlContext.CovidCt()</c> in
/// the spirit of ML.NET's own catalogs (<c>mlContext.Transforms</c>, <c>mlContext.BinaryClassification</c>). Each step has an
/// <c>Options</c> class holding everything it needs (the model path included), validated once here when the estimator is made;
/// its estimator returns a typed, disposable transformer that calls the step's one implementation. Rows stream through lazy
/// cursors, one patient at a time at most:
/// <code>
/// var ml = new MLContext();
/// var slices = SliceDataView.FromCohort(ml, manifest, CohortSplit.Test);
/// using var pipeline = ml.CovidCt().DetectCovidLesions(modelPath, new PipelineOptions()).Fit(slices);
/// foreach (var patient in ml.Data.CreateEnumerable&lt;PatientRow&gt;(pipeline.Transform(slices), reuseRowObject: false)) { ... }
/// </code>
/// </summary>
/// <remarks>
/// ML.NET keeps the environment of <c>TransformsCatalog</c> internal, so extension methods on <c>mlContext.Transforms</c>
/// cannot reach the caller's context; a catalog made from the context itself can, and needs no internal API.
/// </remarks>
public sealed class CovidCtCatalog
{
    internal CovidCtCatalog(MLContext context) => Context = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>The caller's context, which every step moves its rows with.</summary>
    public MLContext Context { get; }

    /// <summary>Step 2: windows, resizes and lays out <c>Hounsfield</c> into <c>Image</c> as the model expects.</summary>
    /// <exception cref="InvalidInputException">When the model cannot be read or contradicts the options.</exception>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public SliceEstimator<CtSliceRow, PreprocessedSliceRow, PreprocessingTransformer> PreprocessCtSlices(PreprocessCtSlicesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var preprocessing = ImagePreprocessing.Resolve(options.Preprocessing, OnnxModelInfo.Read(options.ModelFile));
        return new(Context, nameof(PreprocessCtSlices), () => new PreprocessingTransformer(Context, preprocessing));
    }

    /// <summary>Step 2 for the model at <paramref name="modelFile"/> with <paramref name="preprocessing"/> overrides.</summary>
    /// <exception cref="InvalidInputException">When the model cannot be read or contradicts the options.</exception>
    public SliceEstimator<CtSliceRow, PreprocessedSliceRow, PreprocessingTransformer> PreprocessCtSlices(string modelFile, PreprocessingOptions? preprocessing = null) =>
        PreprocessCtSlices(new PreprocessCtSlicesOptions { ModelFile = modelFile, Preprocessing = preprocessing ?? new PreprocessingOptions() });

    /// <summary>
    /// Step 3: scores <c>Image</c> per patient in batches over ONNX Runtime into <c>Probability</c>, through the cache when
    /// <see cref="ScoreLesionsOptions.Cache"/> is set. The transformer holds the model session: dispose it.
    /// </summary>
    /// <exception cref="InvalidInputException">When the model file does not exist (and, at <c>Fit</c>, when it does not fit the options).</exception>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public SliceEstimator<PreprocessedSliceRow, ScoredSliceRow, LesionScoringTransformer> ScoreLesions(ScoreLesionsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new(Context, nameof(ScoreLesions), () => new LesionScoringTransformer(Context, new LesionScoring(options.ModelFile, options.Preprocessing, options.Scoring, options.Cache, options.Shares?.ForLesionModel())));
    }

    /// <summary>Step 3 for the model at <paramref name="modelFile"/>.</summary>
    /// <exception cref="InvalidInputException">When the model file does not exist.</exception>
    public SliceEstimator<PreprocessedSliceRow, ScoredSliceRow, LesionScoringTransformer> ScoreLesions(string modelFile, OnnxScoringOptions? scoring = null,
        PreprocessingOptions? preprocessing = null, ProbabilityCacheOptions? cache = null) =>
        ScoreLesions(new ScoreLesionsOptions { ModelFile = modelFile, Scoring = scoring ?? new OnnxScoringOptions(), Preprocessing = preprocessing ?? new PreprocessingOptions(), Cache = cache });

    /// <summary>Step 4: the valid area of each slice (HU segmentation, or the segmentation model batched per patient). Dispose the transformer to release that model.</summary>
    /// <exception cref="InvalidInputException">When the segmentation model file does not exist (and, at <c>Fit</c>, when it cannot be loaded).</exception>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public SliceEstimator<ScoredSliceRow, ValidAreaSliceRow, ValidAreaTransformer> ApplyValidArea(ApplyValidAreaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new(Context, nameof(ApplyValidArea), () => new ValidAreaTransformer(Context, new ValidAreaStep(options.ValidArea, options.Scoring, options.Cache,
            options.ValidArea.SegmentationModelPath is { } path ? options.Shares?.ForSegmentationModel(path) : null)));
    }

    /// <summary>Step 4 with <paramref name="validArea"/> (default: the study's HU segmentation and rectangle).</summary>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public SliceEstimator<ScoredSliceRow, ValidAreaSliceRow, ValidAreaTransformer> ApplyValidArea(ValidAreaOptions? validArea = null, OnnxScoringOptions? scoring = null) =>
        ApplyValidArea(new ApplyValidAreaOptions { ValidArea = validArea ?? new ValidAreaOptions(), Scoring = scoring ?? new OnnxScoringOptions() });

    /// <summary>Steps 5 to 7: boxes, quadrants, image decision (<c>IsPositive</c>) and image score (<c>Score</c>), inside the valid area.</summary>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public SliceEstimator<ValidAreaSliceRow, DetectedSliceRow, LesionDetectionTransformer> DetectLesionBoxes(DetectLesionBoxesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new(Context, nameof(DetectLesionBoxes), () => new LesionDetectionTransformer(Context, options));
    }

    /// <summary>Steps 5 to 7 with <paramref name="boxes"/>, <paramref name="quadrants"/> and <paramref name="region"/> (defaults: the study's).</summary>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public SliceEstimator<ValidAreaSliceRow, DetectedSliceRow, LesionDetectionTransformer> DetectLesionBoxes(LesionBoxOptions? boxes = null, QuadrantOptions? quadrants = null,
        ValidAreaRegion region = ValidAreaRegion.Rectangle) =>
        DetectLesionBoxes(new DetectLesionBoxesOptions { LesionBoxes = boxes ?? new LesionBoxOptions(), Quadrants = quadrants ?? new QuadrantOptions(), Region = region });

    /// <summary>Step 8: slice rows to patient rows (<see cref="PatientRow"/>) by the quadrant rule.</summary>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public SliceEstimator<DetectedSliceRow, PatientRow, PatientRuleTransformer> ApplyPatientRule(ApplyPatientRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new(Context, nameof(ApplyPatientRule), () => new PatientRuleTransformer(Context, options));
    }

    /// <summary>Step 8 with <paramref name="rule"/> (default: the study's k = 3 in one quadrant).</summary>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public SliceEstimator<DetectedSliceRow, PatientRow, PatientRuleTransformer> ApplyPatientRule(PatientRuleOptions? rule = null) =>
        ApplyPatientRule(new ApplyPatientRuleOptions { PatientRule = rule ?? new PatientRuleOptions() });

    /// <summary>
    /// Steps 2 to 4 with one <see cref="PipelineOptions"/> (validated once here): what the sweep feeds its multi-setting steps 5
    /// to 8 with. With <paramref name="cache"/>, maps come from the probability-map cache, and the HU valid areas from the
    /// valid-area cache beside it (a sweep is run again and again over one cohort; see <see cref="ApplyValidAreaOptions.Cache"/>).
    /// </summary>
    /// <exception cref="InvalidInputException">When a model cannot be read or contradicts the options.</exception>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public EstimatorChain<ValidAreaTransformer> ScoreAndSegment(string modelFile, PipelineOptions? options = null, ProbabilityCacheOptions? cache = null) =>
        StepsTwoToFour(modelFile, options ?? new PipelineOptions(), cache, cache);

    // Steps 2 to 4, the maps cached in mapCache and the HU valid areas in areaCache (each when set); the lesion and segmentation
    // models share one set of threads and one memory budget.
    private EstimatorChain<ValidAreaTransformer> StepsTwoToFour(string modelFile, PipelineOptions o, ProbabilityCacheOptions? mapCache, ProbabilityCacheOptions? areaCache)
    {
        o.Validate();
        var shares = new ChainShares(modelFile, o.Preprocessing, o.Scoring, o.ValidArea);
        return PreprocessCtSlices(modelFile, o.Preprocessing)
            .Append(ScoreLesions(new ScoreLesionsOptions { ModelFile = modelFile, Preprocessing = o.Preprocessing, Scoring = o.Scoring, Cache = mapCache, Shares = shares }))
            .Append(ApplyValidArea(new ApplyValidAreaOptions { ValidArea = o.ValidArea, Scoring = o.Scoring, Cache = areaCache, Shares = shares }));
    }

    /// <summary>
    /// The whole pipeline, steps 2 to 8, from one <see cref="PipelineOptions"/> (validated once here, every part honoured, the
    /// patient rule included): slice rows in, one <see cref="PatientRow"/> per patient out.
    /// </summary>
    /// <exception cref="InvalidInputException">When a model cannot be read or contradicts the options.</exception>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public EstimatorChain<PatientRuleTransformer> DetectCovidLesions(string modelFile, PipelineOptions? options = null, ProbabilityCacheOptions? cache = null)
    {
        var o = options ?? new PipelineOptions();
        // The maps only: the run's cache listing and warnings (console, metrics.json, report.html) speak of the probability maps.
        return StepsTwoToFour(modelFile, o, cache, areaCache: null)
            .Append(DetectLesionBoxes(new DetectLesionBoxesOptions { LesionBoxes = o.LesionBoxes, Quadrants = o.Quadrants, Region = o.ValidArea.Region }))
            .Append(ApplyPatientRule(new ApplyPatientRuleOptions { PatientRule = o.PatientRule }));
    }

    /// <summary>The whole pipeline exactly as <paramref name="definition"/> describes it, after checking its models' SHA-256.</summary>
    /// <exception cref="InvalidInputException">When a model is missing or changed since the definition was written.</exception>
    public EstimatorChain<PatientRuleTransformer> DetectCovidLesions(PipelineDefinition definition, ProbabilityCacheOptions? cache = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.VerifyModel();
        return DetectCovidLesions(definition.ModelPath, definition.Options, cache);
    }
}
