using CovidCt.Data;
using CovidCt.Data.IO;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines;

/// <summary>
/// A plain C# facade for one slice or one patient (for instance <c>covidct detect</c>): it calls the very step objects the
/// ML.NET chain (<see cref="Catalog.CovidCtCatalog"/>) is made of — <see cref="Preprocessing.ImagePreprocessing"/>,
/// <see cref="LesionScoring"/>, <see cref="ValidAreaStep"/>, <see cref="SliceDetector"/> and <see cref="PatientRule"/> — so there
/// is no second implementation of any step. Cohorts run through the chain (<see cref="Evaluation.CohortDetection"/>). Not thread-safe.
/// </summary>
public sealed class DetectionPipeline : IDisposable
{
    private readonly SliceDetector _detector = new();
    private float[]? _scratch;

    /// <summary>Opens the lesion model at <paramref name="modelPath"/> with <paramref name="options"/> (defaults: the study's), validated once here.</summary>
    /// <exception cref="InvalidInputException">When the model cannot be loaded or does not fit the options.</exception>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public DetectionPipeline(string modelPath, PipelineOptions? options = null, ProbabilityCacheOptions? cache = null)
    {
        Options = options ?? new PipelineOptions();
        Options.Validate();
        ModelPath = modelPath;
        // One set of threads and one memory budget for the lesion model and the segmentation model, as in the chain.
        var share = ScoringShare.ForChain(modelPath, Options);
        Scoring = new LesionScoring(modelPath, Options.Preprocessing, Options.Scoring, cache, share);
        try
        {
            ValidArea = new ValidAreaStep(Options.ValidArea, Options.Scoring, cache: null, share);
        }
        catch
        {
            Scoring.Dispose();
            throw;
        }
    }

    /// <summary>The lesion model file.</summary>
    public string ModelPath { get; }

    /// <summary>The options in force.</summary>
    public PipelineOptions Options { get; }

    /// <summary>Steps 2 and 3: preprocessing and batched scoring, through the cache when one is set.</summary>
    public LesionScoring Scoring { get; }

    /// <summary>Step 4: the valid area.</summary>
    public ValidAreaStep ValidArea { get; }

    /// <summary>The batched scorer (model signature, resolved preprocessing, provider in use).</summary>
    public BatchedOnnxScorer Scorer => Scoring.Scorer;

    /// <summary>Steps 2 and 3: one probability map per slice of <paramref name="volume"/>, in slice order, at the slices' resolution.</summary>
    /// <exception cref="InvalidInputException">When the volume has no slices, or the model returns NaN or infinity (naming patient and slice).</exception>
    public IReadOnlyList<ProbabilityMap> Score(string patientId, CtVolume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var geometry = volume.Geometry;
        if (geometry.Depth == 0) throw new InvalidInputException(volume.Source, $"patient '{patientId}' has no slices; expected at least one");
        var preprocessing = Scoring.Preprocessing;
        var slices = new ReadOnlyMemory<float>[geometry.Depth];
        for (var z = 0; z < slices.Length; z++) slices[z] = volume.Hounsfield.AsMemory(z * geometry.SliceLength, geometry.SliceLength);
        var frame = preprocessing.FrameOf(slices, geometry.Width, geometry.Height);
        return Scoring.Score(patientId, frame, geometry.SlicePositions, () =>
        {
            var images = new float[geometry.Depth][];
            for (var z = 0; z < geometry.Depth; z++)
            {
                images[z] = new float[preprocessing.ImageLength];
                preprocessing.Apply(slices[z].Span, frame, images[z], ref _scratch);
            }
            return images;
        });
    }

    /// <summary>Step 4 for every slice of <paramref name="volume"/>.</summary>
    /// <exception cref="InvalidInputException">When the segmentation model returns NaN or infinity.</exception>
    public IReadOnlyList<ValidArea> ValidAreas(CtVolume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var g = volume.Geometry;
        var slices = new ReadOnlyMemory<float>[g.Depth];
        for (var z = 0; z < slices.Length; z++) slices[z] = volume.Hounsfield.AsMemory(z * g.SliceLength, g.SliceLength);
        return ValidArea.Segment(slices, g.Width, g.Height, volume.Source);
    }

    /// <summary>The whole pipeline on one patient.</summary>
    /// <exception cref="InvalidInputException">As <see cref="Score"/>, and when two slices share a position.</exception>
    public PatientResult Run(string patientId, CtVolume volume)
    {
        var maps = Score(patientId, volume);
        return Detect(patientId, volume.Source, volume.Geometry, maps, ValidAreas(volume));
    }

    /// <summary>Steps 5 to 8 on probability maps already computed (for instance read from the cache), with <see cref="Options"/>.</summary>
    /// <exception cref="InvalidInputException">When there are no slices or two slices share a position.</exception>
    public PatientResult Detect(string patientId, string source, VolumeGeometry geometry, IReadOnlyList<ProbabilityMap> maps, IReadOnlyList<ValidArea> validAreas) =>
        Detect(_detector, Options, patientId, source, geometry, maps, validAreas);

    /// <summary>
    /// Steps 5 to 8 with any options (validated by the caller, see <see cref="PipelineOptions.Validate"/>), reusing
    /// <paramref name="detector"/>'s buffers: what the sweep's single-setting equivalence is checked against.
    /// </summary>
    /// <exception cref="InvalidInputException">When there are no slices or two slices share a position.</exception>
    public static PatientResult Detect(SliceDetector detector, PipelineOptions options, string patientId, string source, VolumeGeometry geometry,
        IReadOnlyList<ProbabilityMap> maps, IReadOnlyList<ValidArea> validAreas)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(geometry);
        if (maps.Count != geometry.Depth || validAreas.Count != geometry.Depth)
        {
            throw new ArgumentException($"{maps.Count} maps and {validAreas.Count} valid areas for {geometry.Depth} slices");
        }
        var slice = new SliceGeometry(geometry.Width, geometry.Height, geometry.ColumnSpacing, geometry.RowSpacing);
        var results = new SliceResult[maps.Count];
        var detections = new SliceDetection[maps.Count];
        for (var z = 0; z < maps.Count; z++)
        {
            detections[z] = detector.Detect(maps[z], validAreas[z], slice, options.LesionBoxes, options.Quadrants, options.ValidArea.Region);
            results[z] = new SliceResult(z, geometry.SlicePositions[z], validAreas[z].Bounds, detections[z]);
        }
        var decision = PatientRule.Evaluate(source, patientId, geometry.SlicePositions, detections, options.PatientRule);
        return new PatientResult(patientId, results, decision);
    }

    /// <summary>Releases the model sessions.</summary>
    public void Dispose()
    {
        Scoring.Dispose();
        ValidArea.Dispose();
    }
}
