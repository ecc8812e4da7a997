using System.Text.Json.Serialization;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Files;

/// <summary>The row types of <see cref="ParquetTables"/>: column names as in slices.csv and patients.csv where they exist there.</summary>
internal static class ParquetRows
{
    public static IReadOnlyList<SliceRow> Slices(PatientOutcome outcome) =>
        [.. outcome.Result.Slices.Select(slice =>
        {
            var d = slice.Detection;
            return new SliceRow
            {
                Patient = outcome.Result.PatientId,
                SliceIndex = slice.Index,
                PositionMm = slice.Position,
                Truth = outcome.SliceTruth[slice.Index],
                Decision = d.IsPositive,
                Score = d.Score,
                ImageScore = d.ImageScore == Pipelines.PostProcessing.ImageScore.MaxPixel ? "max_pixel" : "max_box",
                BoxScore = d.BoxScore,
                MaxPixelProbability = d.MaxPixelProbability,
                Quadrants = QuadrantNames.Key(d.Quadrants),
                RemovedLesionPx = d.RemovedLesionPixels,
                Boxes = [.. d.Boxes.Select(b => new BoxRow
                {
                    Left = b.Bounds.Left, Top = b.Bounds.Top, Right = b.Bounds.Right, Bottom = b.Bounds.Bottom,
                    CentroidX = b.CentroidX, CentroidY = b.CentroidY, Pixels = b.Pixels, AreaMm2 = b.AreaSquareMillimetres,
                    MaxProbability = b.MaxProbability, MeanProbability = b.MeanProbability, Quadrants = QuadrantNames.Key(b.Quadrants),
                })],
            };
        })];

    public static PatientRow Patient(PatientOutcome outcome)
    {
        var d = outcome.Result.Decision;
        return new PatientRow
        {
            Patient = outcome.Result.PatientId,
            Label = outcome.IsCovid ? "covid" : "control",
            Decision = d.IsPositive,
            Correct = d.IsPositive == outcome.IsCovid,
            Score = d.Score,
            Quadrant = d.IsPositive ? QuadrantNames.Key(d.Quadrant) : null,
            FirstSliceIndex = d.IsPositive ? d.FirstSlice : null,
            LastSliceIndex = d.IsPositive ? d.LastSlice : null,
            PositiveSlices = d.PositiveSlices,
            Slices = d.SliceCount,
            Fragile = d.Fragility is not null,
            FragileReason = d.Fragility is { } f ? FragileCallText.Reason(f) : null,
        };
    }

    /// <summary>One slice: truth (null when unknown), the decision, the image score and its kind, and the boxes.</summary>
    internal sealed class SliceRow
    {
        [JsonPropertyName("patient")] public string Patient { get; set; } = "";
        [JsonPropertyName("slice_index")] public int SliceIndex { get; set; }
        [JsonPropertyName("position_mm")] public double PositionMm { get; set; }
        [JsonPropertyName("truth")] public bool? Truth { get; set; }
        [JsonPropertyName("decision")] public bool Decision { get; set; }
        [JsonPropertyName("score")] public double Score { get; set; }
        [JsonPropertyName("image_score")] public string ImageScore { get; set; } = "";
        [JsonPropertyName("box_score")] public double BoxScore { get; set; }
        [JsonPropertyName("max_pixel_probability")] public double? MaxPixelProbability { get; set; }
        [JsonPropertyName("quadrants")] public string Quadrants { get; set; } = "";
        [JsonPropertyName("removed_lesion_px")] public double RemovedLesionPx { get; set; }
        [JsonPropertyName("boxes")] public List<BoxRow> Boxes { get; set; } = [];
    }

    /// <summary>One red box, in whole pixels of the original slice (right and bottom exclusive).</summary>
    internal sealed class BoxRow
    {
        [JsonPropertyName("left")] public double Left { get; set; }
        [JsonPropertyName("top")] public double Top { get; set; }
        [JsonPropertyName("right")] public double Right { get; set; }
        [JsonPropertyName("bottom")] public double Bottom { get; set; }
        [JsonPropertyName("centroid_x")] public double CentroidX { get; set; }
        [JsonPropertyName("centroid_y")] public double CentroidY { get; set; }
        [JsonPropertyName("pixels")] public int Pixels { get; set; }
        [JsonPropertyName("area_mm2")] public double? AreaMm2 { get; set; }
        [JsonPropertyName("max_probability")] public double MaxProbability { get; set; }
        [JsonPropertyName("mean_probability")] public double MeanProbability { get; set; }
        [JsonPropertyName("quadrants")] public string Quadrants { get; set; } = "";
    }

    /// <summary>One patient: label, the rule's decision and score, the run of slices behind it (null when negative), and whether the call is fragile (its reason null when firm).</summary>
    internal sealed class PatientRow
    {
        [JsonPropertyName("patient")] public string Patient { get; set; } = "";
        [JsonPropertyName("label")] public string Label { get; set; } = "";
        [JsonPropertyName("decision")] public bool Decision { get; set; }
        [JsonPropertyName("correct")] public bool Correct { get; set; }
        [JsonPropertyName("score")] public double Score { get; set; }
        [JsonPropertyName("quadrant")] public string? Quadrant { get; set; }
        [JsonPropertyName("first_slice_index")] public int? FirstSliceIndex { get; set; }
        [JsonPropertyName("last_slice_index")] public int? LastSliceIndex { get; set; }
        [JsonPropertyName("positive_slices")] public int PositiveSlices { get; set; }
        [JsonPropertyName("slices")] public int Slices { get; set; }
        [JsonPropertyName("fragile")] public bool Fragile { get; set; }
        [JsonPropertyName("fragile_reason")] public string? FragileReason { get; set; }
    }
}
