using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// One patient after the patient rule, as an IDataView row: the decision, and every slice's result (in volume order) with
/// its truth, so the per-image and per-patient tables come from one pass over the cohort.
/// </summary>
public sealed class PatientRow
{
    /// <summary>Patient identifier.</summary>
    public string PatientId { get; set; } = "";

    /// <summary>True for a COVID-19 patient, false for a control.</summary>
    public bool Label { get; set; }

    /// <summary>The file or folder the patient's images came from.</summary>
    public string Source { get; set; } = "";

    /// <summary>The rule's decision.</summary>
    public bool IsPositive { get; set; }

    /// <summary>Patient score for ROC (see <see cref="PatientDecision.Score"/>).</summary>
    public double Score { get; set; }

    /// <summary>Quadrant of the qualifying run, as <see cref="Quadrant"/> flags (0 when none).</summary>
    public int Quadrant { get; set; }

    /// <summary>First slice of that run in anatomical order, or -1.</summary>
    public int FirstSlice { get; set; }

    /// <summary>Last slice of that run, or -1.</summary>
    public int LastSlice { get; set; }

    /// <summary>Slices with at least one box.</summary>
    public int PositiveSlices { get; set; }

    /// <summary>Slices evaluated.</summary>
    public int SliceCount { get; set; }

    /// <summary>Why the call is fragile, as a <see cref="FragileReason"/> value, or 0 when it is firm (<see cref="PatientDecision.Fragility"/>).</summary>
    public int FragileReason { get; set; }

    /// <summary>Quadrant of the run the fragile call concerns, as <see cref="Quadrant"/> flags (0 when firm).</summary>
    public int FragileQuadrant { get; set; }

    /// <summary>First slice of that run in anatomical order, or -1.</summary>
    public int FragileFirstSlice { get; set; } = -1;

    /// <summary>Last slice of that run, or -1.</summary>
    public int FragileLastSlice { get; set; } = -1;

    /// <summary>Per slice: its index in the volume.</summary>
    public int[] SliceIndices { get; set; } = [];

    /// <summary>Per slice: position along the slice normal, mm.</summary>
    public double[] SlicePositions { get; set; } = [];

    /// <summary>Per slice: 1 = lesion, 0 = none, -1 = unknown.</summary>
    public int[] SliceTruth { get; set; } = [];

    /// <summary>Per slice: the lung-field rectangle (left, top, right, bottom), NaN when the slice has none.</summary>
    public double[] ValidAreaBounds { get; set; } = [];

    /// <summary>Per slice: how many boxes it has (its boxes follow the previous slices' in <see cref="Boxes"/>).</summary>
    public int[] BoxCounts { get; set; } = [];

    /// <summary>Per slice: the predicted lesion area the valid area removed, original pixels.</summary>
    public double[] RemovedLesionPixels { get; set; } = [];

    /// <summary>Per slice: the highest probability inside the valid area (<see cref="SliceDetection.MaxPixelProbability"/>).</summary>
    public double[] MaxPixelProbabilities { get; set; } = [];

    /// <summary>Which score ranks the slices in the per-image ROC, as a <see cref="PostProcessing.ImageScore"/> value.</summary>
    public int ImageScore { get; set; }

    /// <summary>Every slice's boxes in slice order, <see cref="LesionBoxColumns.Stride"/> numbers each.</summary>
    public double[] Boxes { get; set; } = [];

    /// <summary>The row of one patient from its detected slice rows, their detections and the rule's decision.</summary>
    public static PatientRow From(IReadOnlyList<DetectedSliceRow> slices, IReadOnlyList<SliceDetection> detections, PatientDecision decision)
    {
        ArgumentNullException.ThrowIfNull(slices);
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(decision);
        var first = slices[0];
        return new PatientRow
        {
            PatientId = first.PatientId,
            Label = first.Label,
            Source = first.Source,
            IsPositive = decision.IsPositive,
            Score = decision.Score,
            Quadrant = (int)decision.Quadrant,
            FirstSlice = decision.FirstSlice,
            LastSlice = decision.LastSlice,
            PositiveSlices = decision.PositiveSlices,
            SliceCount = decision.SliceCount,
            FragileReason = (int?)decision.Fragility?.Reason ?? 0,
            FragileQuadrant = (int?)decision.Fragility?.Quadrant ?? 0,
            FragileFirstSlice = decision.Fragility?.FirstSlice ?? -1,
            FragileLastSlice = decision.Fragility?.LastSlice ?? -1,
            SliceIndices = slices.Select(s => s.SliceIndex).ToArray(),
            SlicePositions = slices.Select(s => s.Position).ToArray(),
            SliceTruth = slices.Select(s => s.HasSliceTruth ? (s.SliceTruth ? 1 : 0) : -1).ToArray(),
            ValidAreaBounds = slices.SelectMany(s => s.HasValidArea ? s.ValidAreaBounds : [double.NaN, double.NaN, double.NaN, double.NaN]).ToArray(),
            BoxCounts = slices.Select(s => s.BoxCount).ToArray(),
            RemovedLesionPixels = slices.Select(s => s.RemovedLesionPixels).ToArray(),
            MaxPixelProbabilities = slices.Select(s => s.MaxPixelProbability).ToArray(),
            ImageScore = first.ImageScore,
            Boxes = slices.SelectMany(s => s.Boxes).ToArray(),
        };
    }

    /// <summary>The rule's decision.</summary>
    public PatientDecision Decision() => new(IsPositive, Score, (Quadrant)Quadrant, FirstSlice, LastSlice, PositiveSlices, SliceCount)
    {
        Fragility = FragileReason == 0 ? null : new FragileCall((PostProcessing.FragileReason)FragileReason, (Quadrant)FragileQuadrant, FragileFirstSlice, FragileLastSlice),
    };

    /// <summary>The patient's result and truth, as the evaluation reads them (slices in the order of the rows, which is volume order).</summary>
    public PatientOutcome Outcome()
    {
        var slices = new SliceResult[SliceIndices.Length];
        var truth = new bool?[SliceIndices.Length];
        var box = 0;
        for (var i = 0; i < slices.Length; i++)
        {
            var b = ValidAreaBounds.AsSpan(4 * i, 4);
            ImageRectangle? area = double.IsNaN(b[0]) ? null : new ImageRectangle(b[0], b[1], b[2], b[3]);
            slices[i] = new SliceResult(SliceIndices[i], SlicePositions[i], area, new SliceDetection(LesionBoxColumns.Decode(Boxes, box, BoxCounts[i]), RemovedLesionPixels[i],
                MaxPixelProbabilities[i], (ImageScore)ImageScore));
            box += BoxCounts[i];
            truth[i] = SliceTruth[i] < 0 ? null : SliceTruth[i] == 1;
        }
        return new PatientOutcome(new PatientResult(PatientId, slices, Decision()), Label, truth);
    }
}
