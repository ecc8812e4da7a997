using CovidCt.Pipelines.PostProcessing;
using Microsoft.ML;

namespace CovidCt.Pipelines.Catalog;

/// <summary>Steps 5 to 7: boxes, quadrants, image decision and score from the (valid-area restricted) <c>Probability</c> column.</summary>
public sealed class LesionDetectionTransformer : SliceTransformer<ValidAreaSliceRow, DetectedSliceRow>
{
    internal LesionDetectionTransformer(MLContext context, LesionBoxOptions boxes, QuadrantOptions quadrants) : base(context)
    {
        Boxes = boxes;
        Quadrants = quadrants;
    }

    /// <summary>Threshold and minimum size.</summary>
    public LesionBoxOptions Boxes { get; }

    /// <summary>The quadrant split.</summary>
    public QuadrantOptions Quadrants { get; }

    /// <inheritdoc/>
    protected override IEnumerable<DetectedSliceRow> Map(IEnumerable<ValidAreaSliceRow> rows)
    {
        var detector = new SliceDetector();
        foreach (var row in rows)
        {
            // The previous step already zeroed what lies outside the valid area; its mask still places the quadrant split.
            var detection = detector.Detect(row.Map(), row.ValidArea(), row.Geometry(), Boxes, Quadrants, ValidAreaRegion.WholeImage);
            yield return DetectedSliceRow.From(row, detection);
        }
    }
}
