using CovidCt.Pipelines.PostProcessing;
using Microsoft.ML;

namespace CovidCt.Pipelines.Catalog;

/// <summary>Step 4: segments the lung fields from <c>Hounsfield</c> (HU segmentation or the segmentation model), adds <c>ValidAreaMask</c> and zeroes probabilities outside the valid area.</summary>
public sealed class ValidAreaTransformer : SliceTransformer<ScoredSliceRow, ValidAreaSliceRow>
{
    internal ValidAreaTransformer(MLContext context, ValidAreaOptions options) : base(context) => Options = options;

    /// <summary>The options in force.</summary>
    public ValidAreaOptions Options { get; }

    /// <inheritdoc/>
    protected override IEnumerable<ValidAreaSliceRow> Map(IEnumerable<ScoredSliceRow> rows)
    {
        var segmenter = new LungSegmenter();
        using var model = Options.SegmentationModelPath is { } path && Options.Region != ValidAreaRegion.WholeImage
            ? new ValidAreaModel(path, Options.SegmentationThreshold)
            : null;
        foreach (var row in rows)
        {
            var area = model is null ? segmenter.Segment(row.Hounsfield, row.Width, row.Height, Options) : model.Segment(row.Hounsfield, row.Width, row.Height);
            var result = ValidAreaSliceRow.From(row, area);
            result.Probability = ZeroOutside(row, area);
            yield return result;
        }
    }

    private float[] ZeroOutside(ScoredSliceRow row, ValidArea area)
    {
        var values = (float[])row.Probability.Clone();
        var scaleX = (double)row.Width / row.ProbabilityWidth;
        var scaleY = (double)row.Height / row.ProbabilityHeight;
        for (var y = 0; y < row.ProbabilityHeight; y++)
        {
            for (var x = 0; x < row.ProbabilityWidth; x++)
            {
                if (!area.Includes(Options.Region, (x + 0.5) * scaleX, (y + 0.5) * scaleY)) values[y * row.ProbabilityWidth + x] = 0;
            }
        }
        return values;
    }
}
