using CovidCt.Pipelines.PostProcessing;

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

    /// <summary>HU per pixel, row-major (<see cref="Width"/> x <see cref="Height"/>).</summary>
    public float[] Hounsfield { get; set; } = [];

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
        target.Position = Position;
        target.Width = Width;
        target.Height = Height;
        target.ColumnSpacing = ColumnSpacing;
        target.RowSpacing = RowSpacing;
        target.Hounsfield = Hounsfield;
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
    /// <summary>The model input for this slice (windowed, resized, in the model's layout and channels).</summary>
    public float[] Image { get; set; } = [];

    /// <summary>A copy of <paramref name="row"/>'s columns with <paramref name="image"/> added.</summary>
    public static PreprocessedSliceRow From(CtSliceRow row, float[] image)
    {
        var result = new PreprocessedSliceRow { Image = image };
        row.CopyColumnsTo(result);
        return result;
    }

    internal override void CopyColumnsTo(CtSliceRow target)
    {
        base.CopyColumnsTo(target);
        if (target is PreprocessedSliceRow typed)
        {
            typed.Image = Image;
        }
    }
}

/// <summary>A slice after step 3: adds the probability map.</summary>
public class ScoredSliceRow : PreprocessedSliceRow
{
    /// <summary>Lesion probability per pixel at the model's output resolution, row-major.</summary>
    public float[] Probability { get; set; } = [];

    /// <summary>Columns of the probability map.</summary>
    public int ProbabilityWidth { get; set; }

    /// <summary>Rows of the probability map.</summary>
    public int ProbabilityHeight { get; set; }

    /// <summary>A copy of <paramref name="row"/>'s columns with the map added.</summary>
    public static ScoredSliceRow From(PreprocessedSliceRow row, Scoring.ProbabilityMap map)
    {
        var result = new ScoredSliceRow { Probability = map.Values, ProbabilityWidth = map.Width, ProbabilityHeight = map.Height };
        row.CopyColumnsTo(result);
        return result;
    }

    internal override void CopyColumnsTo(CtSliceRow target)
    {
        base.CopyColumnsTo(target);
        if (target is ScoredSliceRow typed)
        {
            typed.Probability = Probability;
            typed.ProbabilityWidth = ProbabilityWidth;
            typed.ProbabilityHeight = ProbabilityHeight;
        }
    }

    /// <summary>The probability column as a map (not copied).</summary>
    public Scoring.ProbabilityMap Map() => new(ProbabilityWidth, ProbabilityHeight, Probability);
}

/// <summary>A slice after step 4: probabilities outside the valid area are zeroed, and the lung fields are recorded.</summary>
public class ValidAreaSliceRow : ScoredSliceRow
{
    /// <summary>1 where the pixel (original resolution) belongs to a lung field.</summary>
    public byte[] ValidAreaMask { get; set; } = [];

    /// <summary>A copy of <paramref name="row"/>'s columns with the valid area added.</summary>
    public static ValidAreaSliceRow From(ScoredSliceRow row, ValidArea area)
    {
        var result = new ValidAreaSliceRow { ValidAreaMask = area.Mask };
        row.CopyColumnsTo(result);
        return result;
    }

    internal override void CopyColumnsTo(CtSliceRow target)
    {
        base.CopyColumnsTo(target);
        if (target is ValidAreaSliceRow typed)
        {
            typed.ValidAreaMask = ValidAreaMask;
        }
    }

    /// <summary>The valid-area column as a <see cref="ValidArea"/> (mask not copied).</summary>
    public ValidArea ValidArea() => new(Width, Height, ValidAreaMask);
}

/// <summary>A slice after steps 5 to 7: boxes, quadrants, image decision and score.</summary>
public sealed class DetectedSliceRow : ValidAreaSliceRow
{
    /// <summary>Floats per box in <see cref="Boxes"/>: left, top, right, bottom, centroid x, centroid y, pixels, max probability, mean probability, quadrant flags.</summary>
    public const int BoxStride = 10;

    /// <summary>Positive when any box survives.</summary>
    public bool IsPositive { get; set; }

    /// <summary>Image score for ROC: the highest box probability, 0 when there is no box.</summary>
    public float Score { get; set; }

    /// <summary>Quadrants holding a box, as <see cref="Quadrant"/> flags.</summary>
    public int Quadrants { get; set; }

    /// <summary>Number of boxes.</summary>
    public int BoxCount { get; set; }

    /// <summary>The boxes, <see cref="BoxStride"/> floats each, in original image coordinates (area in mm² is recomputed from the spacing).</summary>
    public float[] Boxes { get; set; } = [];

    /// <summary>A copy of <paramref name="row"/>'s columns with the detection added.</summary>
    public static DetectedSliceRow From(ValidAreaSliceRow row, SliceDetection detection)
    {
        var boxes = new float[detection.Boxes.Count * BoxStride];
        for (var i = 0; i < detection.Boxes.Count; i++)
        {
            var b = detection.Boxes[i];
            new[] { b.Bounds.Left, b.Bounds.Top, b.Bounds.Right, b.Bounds.Bottom, b.CentroidX, b.CentroidY, b.Pixels, b.MaxProbability, b.MeanProbability, (double)(int)b.Quadrants }
                .Select(v => (float)v).ToArray().CopyTo(boxes, i * BoxStride);
        }
        var result = new DetectedSliceRow
        {
            IsPositive = detection.IsPositive,
            Score = (float)detection.Score,
            Quadrants = (int)detection.Quadrants,
            BoxCount = detection.Boxes.Count,
            Boxes = boxes,
        };
        row.CopyColumnsTo(result);
        return result;
    }

    /// <summary>The detection decoded from the columns (probabilities as stored, in single precision).</summary>
    public SliceDetection Detection()
    {
        var geometry = Geometry();
        double? pixelArea = geometry.HasSpacing && ProbabilityWidth > 0 && ProbabilityHeight > 0
            ? ColumnSpacing * Width / ProbabilityWidth * RowSpacing * Height / ProbabilityHeight
            : null;
        var boxes = new LesionBox[BoxCount];
        for (var i = 0; i < boxes.Length; i++)
        {
            var b = Boxes.AsSpan(i * BoxStride, BoxStride);
            var pixels = (int)b[6];
            boxes[i] = new LesionBox(new ImageRectangle(b[0], b[1], b[2], b[3]), b[4], b[5], pixels, pixels * pixelArea, b[7], b[8], (Quadrant)(int)b[9]);
        }
        return new SliceDetection(boxes);
    }
}
