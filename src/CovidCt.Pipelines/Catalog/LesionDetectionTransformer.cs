using CovidCt.Pipelines.PostProcessing;
using Microsoft.ML;

namespace CovidCt.Pipelines.Catalog;

/// <summary>Steps 5 to 7: boxes, quadrants, image decision and score from <c>Probability</c>, inside the valid area that step 4 recorded.</summary>
public sealed class LesionDetectionTransformer : SliceTransformer<ValidAreaSliceRow, DetectedSliceRow>
{
    internal LesionDetectionTransformer(MLContext context, DetectLesionBoxesOptions options) : base(context) => Options = options;

    /// <summary>Threshold, minimum size, quadrant split and region (validated when the estimator was made).</summary>
    public DetectLesionBoxesOptions Options { get; }

    /// <inheritdoc/>
    protected override IEnumerable<DetectedSliceRow> Map(IEnumerable<ValidAreaSliceRow> rows)
    {
        var detector = new SliceDetector();
        foreach (var row in rows)
        {
            var detection = detector.Detect(row.Map(), row.ValidArea(), row.Geometry(), Options.LesionBoxes, Options.Quadrants, Options.Region);
            yield return DetectedSliceRow.From(row, detection);
        }
    }
}
