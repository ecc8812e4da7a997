using CovidCt.Data;
using CovidCt.Data.IO;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines;

/// <summary>
/// The study's pipeline on whole patients without ML.NET: preprocess, score in batches, then valid area, boxes, quadrants,
/// image decisions and the patient rule. The ML.NET estimators and the sweep call the same functions. Not thread-safe.
/// </summary>
public sealed class DetectionPipeline : IDisposable
{
    private readonly LungSegmenter _segmenter = new();
    private readonly SliceDetector _detector = new();
    private float[]? _scratch;

    /// <summary>Opens the lesion model at <paramref name="modelPath"/> with <paramref name="options"/> (defaults: the study's).</summary>
    /// <exception cref="InvalidInputException">When the model cannot be loaded or does not fit the options.</exception>
    public DetectionPipeline(string modelPath, PipelineOptions? options = null)
    {
        Options = options ?? new PipelineOptions();
        Scorer = new BatchedOnnxScorer(modelPath, Options.Preprocessing, Options.Scoring);
        if (Options.ValidArea.SegmentationModelPath is { } segmentation)
        {
            try
            {
                ValidAreaModel = new ValidAreaModel(segmentation, Options.ValidArea.SegmentationThreshold, Options.Scoring);
            }
            catch
            {
                Scorer.Dispose();
                throw;
            }
        }
    }

    /// <summary>The valid-area segmentation model, or null when the HU segmentation is used.</summary>
    public ValidAreaModel? ValidAreaModel { get; }

    /// <summary>The options in force.</summary>
    public PipelineOptions Options { get; }

    /// <summary>The batched scorer (model signature, resolved preprocessing, provider in use).</summary>
    public BatchedOnnxScorer Scorer { get; }

    /// <summary>Step 2 and 3: one probability map per slice of <paramref name="volume"/>, in slice order.</summary>
    /// <exception cref="InvalidInputException">When the volume has no slices, or the model returns NaN or infinity (naming patient and slice).</exception>
    public IReadOnlyList<ProbabilityMap> Score(string patientId, CtVolume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var geometry = volume.Geometry;
        if (geometry.Depth == 0) throw new InvalidInputException(volume.Source, $"patient '{patientId}' has no slices; expected at least one");
        var preprocessing = Scorer.Preprocessing;
        var images = new float[geometry.Depth][];
        for (var z = 0; z < geometry.Depth; z++)
        {
            images[z] = new float[preprocessing.ImageLength];
            preprocessing.Apply(volume.Slice(z), geometry.Width, geometry.Height, images[z], ref _scratch);
        }
        var maps = Scorer.Score(images);
        for (var z = 0; z < maps.Count; z++) maps[z].EnsureFinite(Scorer.Model.Path, patientId, z, geometry.SlicePositions[z]);
        return maps;
    }

    /// <summary>Step 4 for every slice of <paramref name="volume"/> (HU segmentation, or the segmentation model when one is set): it does not depend on the lesion model, so the sweep computes it once.</summary>
    public IReadOnlyList<ValidArea> ValidAreas(CtVolume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (Options.ValidArea.Region == ValidAreaRegion.WholeImage || ValidAreaModel is null) return SegmentByHounsfield(volume);
        return ValidAreaModel.Segment(volume);
    }

    private ValidArea[] SegmentByHounsfield(CtVolume volume)
    {
        var geometry = volume.Geometry;
        var areas = new ValidArea[geometry.Depth];
        for (var z = 0; z < areas.Length; z++) areas[z] = _segmenter.Segment(volume.Slice(z), geometry.Width, geometry.Height, Options.ValidArea);
        return areas;
    }

    /// <summary>The whole pipeline on one patient.</summary>
    /// <exception cref="InvalidInputException">As <see cref="Score"/>, and when two slices share a position.</exception>
    public PatientResult Run(string patientId, CtVolume volume)
    {
        var maps = Score(patientId, volume);
        return Detect(patientId, volume.Source, volume.Geometry, maps, ValidAreas(volume));
    }

    /// <summary>Steps 4 to 8 on probability maps already computed (for instance read from the cache), with <see cref="Options"/>.</summary>
    public PatientResult Detect(string patientId, string source, VolumeGeometry geometry, IReadOnlyList<ProbabilityMap> maps, IReadOnlyList<ValidArea> validAreas) =>
        Detect(_detector, Options, patientId, source, geometry, maps, validAreas);

    /// <summary>Steps 4 to 8 with any options, reusing <paramref name="detector"/>'s buffers: the sweep's entry point.</summary>
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
        Scorer.Dispose();
        ValidAreaModel?.Dispose();
    }
}
