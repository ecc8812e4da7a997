using CovidCt.Pipelines.PostProcessing;
using Microsoft.ML;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// Step 4: the lung fields of each patient's slices from <c>Hounsfield</c> (HU segmentation, or the segmentation model scored in
/// batches per patient; the HU areas read from the valid-area cache when one is set), added as <c>HasValidArea</c>, <c>ValidAreaBounds</c> and, for the mask region, <c>ValidAreaMask</c>.
/// The probabilities are not changed: the detector receives the area. <c>Hounsfield</c> is emptied, as no later step reads it.
/// Dispose to release the segmentation model.
/// </summary>
public sealed class ValidAreaTransformer : SliceTransformer<ScoredSliceRow, ValidAreaSliceRow>
{
    internal ValidAreaTransformer(MLContext context, ValidAreaStep step) : base(context) => Step = step;

    /// <summary>The valid-area step (options, segmentation model).</summary>
    public ValidAreaStep Step { get; }

    /// <inheritdoc/>
    protected override IEnumerable<ValidAreaSliceRow> Map(IEnumerable<ScoredSliceRow> rows)
    {
        var keepMask = Step.Options.Region == ValidAreaRegion.Mask;
        foreach (var patient in PatientGroups.Of(rows))
        {
            var first = patient[0];
            var areas = Step.Segment(first.PatientId, patient.Select(r => r.HounsfieldPixels).ToArray(), first.Width, first.Height, first.Source);
            for (var i = 0; i < patient.Count; i++)
            {
                var row = ValidAreaSliceRow.From(patient[i], areas[i], keepMask);
                // The HU are read by steps 2 and 4 only: dropping them spares every later step copying a full-resolution slice.
                row.Hounsfield = [];
                yield return row;
            }
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) Step.Dispose();
    }
}
