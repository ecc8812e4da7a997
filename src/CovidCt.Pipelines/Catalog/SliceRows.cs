using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Preprocessing;
using Microsoft.ML.Data;

namespace CovidCt.Pipelines.Catalog;

/// <summary>One CT slice as an IDataView row: the columns of step 1. Each later step's row type adds its columns.</summary>
public class CtSliceRow
{
    /// <summary>Patient identifier.</summary>
    public string PatientId { get; set; } = "";

    /// <summary>True for a COVID-19 patient, false for a control.</summary>
    public bool Label { get; set; }

    /// <summary>Index of the slice in the patient's volume (anatomical order, feet to head).</summary>
    public int SliceIndex { get; set; }

    /// <summary>
    /// Slices of the patient. A patient's rows are contiguous, and the steps that work per patient (batched scoring, the
    /// cache, the segmentation model, the patient rule) finish the patient at its last row without reading ahead.
    /// </summary>
    public int SliceCount { get; set; }

    /// <summary>Position along the slice normal, mm.</summary>
    public double Position { get; set; }

    /// <summary>Columns of the slice.</summary>
    public int Width { get; set; }

    /// <summary>Rows of the slice.</summary>
    public int Height { get; set; }

    /// <summary>mm between columns (0 when unknown).</summary>
    public double ColumnSpacing { get; set; }

    /// <summary>mm between rows (0 when unknown).</summary>
    public double RowSpacing { get; set; }

    private float[]? _hounsfield;
    private ReadOnlyMemory<float> _hounsfieldSlice;

    /// <summary>HU per pixel, row-major (<see cref="Width"/> x <see cref="Height"/>).</summary>
    /// <remarks>
    /// A row made from a volume refers to the volume's pixels (<see cref="HounsfieldPixels"/>) and copies them into this array
    /// only when it is read, for instance by an ML.NET cursor; the CovidCt steps read the pixels without a copy.
    /// </remarks>
    public float[] Hounsfield
    {
        get => _hounsfield ??= _hounsfieldSlice.ToArray();
        set => (_hounsfield, _hounsfieldSlice) = (value, value);
    }

    /// <summary>The HU pixels without a copy (what the steps read).</summary>
    internal ReadOnlyMemory<float> HounsfieldPixels => _hounsfield ?? _hounsfieldSlice;

    /// <summary>Points the row at <paramref name="pixels"/> (one slice of a volume) without copying them.</summary>
    internal void ReferHounsfield(ReadOnlyMemory<float> pixels) => (_hounsfield, _hounsfieldSlice) = (null, pixels);

    /// <summary>
    /// Every slice of the row's volume, which the patient's body frame is taken over (<see cref="PreprocessingTransformer"/>), also
    /// when the rows are only a chunk of the volume (a clustered run splits long series); null for rows made one by one, whose
    /// patient is then framed over its rows' own slices.
    /// </summary>
    internal IReadOnlyList<ReadOnlyMemory<float>>? FramingSlices { get; set; }

    /// <summary>False when the slice's truth is unknown (a COVID-19 patient without lesion masks).</summary>
    public bool HasSliceTruth { get; set; }

    /// <summary>True when the slice has lesion pixels in its mask (meaningful only with <see cref="HasSliceTruth"/>).</summary>
    public bool SliceTruth { get; set; }

    /// <summary>The file or folder the patient's images came from (named in errors).</summary>
    public string Source { get; set; } = "";

    /// <summary>Copies this row's columns into <paramref name="target"/>, a row of this step or a later one.</summary>
    internal virtual void CopyColumnsTo(CtSliceRow target)
    {
        target.PatientId = PatientId;
        target.Label = Label;
        target.SliceIndex = SliceIndex;
        target.SliceCount = SliceCount;
        target.Position = Position;
        target.Width = Width;
        target.Height = Height;
        target.ColumnSpacing = ColumnSpacing;
        target.RowSpacing = RowSpacing;
        (target._hounsfield, target._hounsfieldSlice) = (_hounsfield, _hounsfieldSlice);
        target.FramingSlices = FramingSlices;
        target.HasSliceTruth = HasSliceTruth;
        target.SliceTruth = SliceTruth;
        target.Source = Source;
    }

    /// <summary>The slice's size and spacing.</summary>
    public SliceGeometry Geometry() => new(Width, Height, ColumnSpacing, RowSpacing);
}

/// <summary>A slice after step 2: adds the model input.</summary>
public class PreprocessedSliceRow : CtSliceRow
{
    private float[]? _image;
    private Func<float[]>? _makeImage;

    /// <summary>
    /// The patient's frame as the preprocessing step found it, with the preprocessing it was found for, shared by the patient's
    /// rows; null for rows made elsewhere. The scoring step takes its maps back through the same frame and reuses it rather than
    /// framing the patient's every slice a second time.
    /// </summary>
    internal (ImagePreprocessing By, Lazy<SliceFrame> Frame)? PatientFrame { get; set; }

    /// <summary>The model input for this slice (windowed, resized, in the model's layout and channels).</summary>
    /// <remarks>Computed when first read: the scoring step reads it only for patients the probability-map cache does not hold.</remarks>
    public float[] Image
    {
        get => _image ??= _makeImage?.Invoke() ?? [];
        set => (_image, _makeImage) = (value, null);
    }

    /// <summary>A copy of <paramref name="row"/>'s columns with the image that <paramref name="image"/> makes on first read.</summary>
    public static PreprocessedSliceRow From(CtSliceRow row, Func<float[]> image)
    {
        ArgumentNullException.ThrowIfNull(row);
        var result = new PreprocessedSliceRow { _makeImage = image };
        row.CopyColumnsTo(result);
        return result;
    }

    internal override void CopyColumnsTo(CtSliceRow target)
    {
        base.CopyColumnsTo(target);
        if (target is PreprocessedSliceRow typed)
        {
            (typed._image, typed._makeImage, typed.PatientFrame) = (_image, _makeImage, PatientFrame);
        }
    }
}

/// <summary>A slice after step 3: adds the probability map.</summary>
public class ScoredSliceRow : PreprocessedSliceRow
{
    // The map this row was made from (From): its values are computed only when Probability is read, so the box detector, which
    // reads the map itself (Map), computes only the rows it needs. Setting Probability replaces it.
    private Scoring.ProbabilityMap? _map;
    private float[] _probability = [];

    /// <summary>Lesion probability per pixel at the slice's own resolution (the model's map taken back to the slice), row-major.</summary>
    public float[] Probability
    {
        get => _map?.Values ?? _probability;
        set => (_probability, _map) = (value, null);
    }

    /// <summary>Columns of the probability map.</summary>
    public int ProbabilityWidth { get; set; }

    /// <summary>Rows of the probability map.</summary>
    public int ProbabilityHeight { get; set; }

    /// <summary>A copy of <paramref name="row"/>'s columns with the map added.</summary>
    public static ScoredSliceRow From(PreprocessedSliceRow row, Scoring.ProbabilityMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var result = new ScoredSliceRow { _map = map, ProbabilityWidth = map.Width, ProbabilityHeight = map.Height };
        row.CopyColumnsTo(result);
        return result;
    }

    internal override void CopyColumnsTo(CtSliceRow target)
    {
        base.CopyColumnsTo(target);
        if (target is ScoredSliceRow typed)
        {
            (typed._probability, typed._map) = (_probability, _map);
            typed.ProbabilityWidth = ProbabilityWidth;
            typed.ProbabilityHeight = ProbabilityHeight;
        }
    }

    /// <summary>The probability column as a map (not copied).</summary>
    public Scoring.ProbabilityMap Map() => _map ?? new(ProbabilityWidth, ProbabilityHeight, Probability);
}

/// <summary>
/// A slice after step 4: the lung fields, recorded for the detector (which receives them with the region; the probabilities are
/// not changed). The bounds are always kept; the mask itself only when the region is the mask, since drawing it costs four
/// times the segmentation (benchmarks/README.md).
/// </summary>
public class ValidAreaSliceRow : ScoredSliceRow
{
    /// <summary>False when the slice has no lung field (no lesion can be found on it).</summary>
    public bool HasValidArea { get; set; }

    /// <summary>The lung-field rectangle (original pixels): left, top, right, bottom (exclusive); zeros when there is none.</summary>
    [VectorType(4)]
    public double[] ValidAreaBounds { get; set; } = new double[4];

    /// <summary>1 where the pixel (original resolution) belongs to a lung field, for <see cref="ValidAreaRegion.Mask"/>; empty otherwise.</summary>
    public byte[] ValidAreaMask { get; set; } = [];

    /// <summary>A copy of <paramref name="row"/>'s columns with the valid area added (its mask only when <paramref name="keepMask"/>).</summary>
    public static ValidAreaSliceRow From(ScoredSliceRow row, ValidArea area, bool keepMask)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(area);
        var b = area.Bounds;
        var result = new ValidAreaSliceRow
        {
            HasValidArea = b is not null,
            ValidAreaBounds = b is { } r ? [r.Left, r.Top, r.Right, r.Bottom] : new double[4],
            ValidAreaMask = keepMask ? area.Mask : [],
        };
        row.CopyColumnsTo(result);
        return result;
    }

    internal override void CopyColumnsTo(CtSliceRow target)
    {
        base.CopyColumnsTo(target);
        if (target is ValidAreaSliceRow typed)
        {
            typed.HasValidArea = HasValidArea;
            typed.ValidAreaBounds = ValidAreaBounds;
            typed.ValidAreaMask = ValidAreaMask;
        }
    }

    /// <summary>The valid-area columns as a <see cref="PostProcessing.ValidArea"/> (mask not copied).</summary>
    /// <remarks>Without the mask column, reading <see cref="PostProcessing.ValidArea.Mask"/> throws: only <see cref="ValidAreaRegion.Mask"/> needs it.</remarks>
    public ValidArea ValidArea()
    {
        if (ValidAreaMask.Length > 0) return new ValidArea(Width, Height, ValidAreaMask);
        ImageRectangle? bounds = HasValidArea ? new ImageRectangle(ValidAreaBounds[0], ValidAreaBounds[1], ValidAreaBounds[2], ValidAreaBounds[3]) : null;
        return new ValidArea(Width, Height, bounds, () => throw new InvalidOperationException(
            $"patient '{PatientId}' slice {SliceIndex}: the valid-area mask is kept only for the region Mask; this row was made for another region"));
    }
}

/// <summary>A slice after steps 5 to 7: boxes, quadrants, image decision and score.</summary>
public sealed class DetectedSliceRow : ValidAreaSliceRow
{
    /// <summary>Positive when any box survives.</summary>
    public bool IsPositive { get; set; }

    /// <summary>Image score for ROC, as <see cref="ImageScore"/> says (<see cref="SliceDetection.Score"/>).</summary>
    public double Score { get; set; }

    /// <summary>The highest probability inside the valid area (<see cref="SliceDetection.MaxPixelProbability"/>).</summary>
    public double MaxPixelProbability { get; set; }

    /// <summary>Which score <see cref="Score"/> is, as a <see cref="PostProcessing.ImageScore"/> value.</summary>
    public int ImageScore { get; set; }

    /// <summary>Quadrants holding a box, as <see cref="Quadrant"/> flags.</summary>
    public int Quadrants { get; set; }

    /// <summary>Number of boxes.</summary>
    public int BoxCount { get; set; }

    /// <summary>Predicted lesion area the valid area removed, original pixels (<see cref="SliceDetection.RemovedLesionPixels"/>).</summary>
    public double RemovedLesionPixels { get; set; }

    /// <summary>The boxes, <see cref="LesionBoxColumns.Stride"/> numbers each (see <see cref="LesionBoxColumns"/>), in original image coordinates.</summary>
    public double[] Boxes { get; set; } = [];

    /// <summary>A copy of <paramref name="row"/>'s columns with the detection added.</summary>
    public static DetectedSliceRow From(ValidAreaSliceRow row, SliceDetection detection)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(detection);
        var result = new DetectedSliceRow
        {
            IsPositive = detection.IsPositive,
            Score = detection.Score,
            MaxPixelProbability = detection.MaxPixelProbability ?? throw new ArgumentException("the chain's detections know their highest pixel probability", nameof(detection)),
            ImageScore = (int)detection.ImageScore,
            Quadrants = (int)detection.Quadrants,
            BoxCount = detection.Boxes.Count,
            RemovedLesionPixels = detection.RemovedLesionPixels,
            Boxes = LesionBoxColumns.Encode(detection.Boxes),
        };
        row.CopyColumnsTo(result);
        return result;
    }

    /// <summary>The detection decoded from the columns (exactly the values computed).</summary>
    public SliceDetection Detection() => new(LesionBoxColumns.Decode(Boxes, 0, BoxCount), RemovedLesionPixels, MaxPixelProbability, (ImageScore)ImageScore);
}
