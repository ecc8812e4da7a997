using CovidCt.Data.IO;
using CovidCt.Pipelines.Scoring;
using Microsoft.ML;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// Step 3: scores the <c>Image</c> column of each patient in batches over ONNX Runtime (through the cache when one is set) and
/// adds <c>Probability</c> at the slice's own resolution, taken back through the patient's frame (<see cref="LesionScoring"/>); <c>Image</c> is emptied, as no later step reads it. Dispose to release the model.
/// </summary>
public sealed class LesionScoringTransformer : SliceTransformer<PreprocessedSliceRow, ScoredSliceRow>
{
    internal LesionScoringTransformer(MLContext context, LesionScoring scoring) : base(context) => Scoring = scoring;

    /// <summary>The scoring step (scorer, resolved preprocessing, cache).</summary>
    public LesionScoring Scoring { get; }

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">When the model returns NaN or infinity, naming patient and slice.</exception>
    protected override IEnumerable<ScoredSliceRow> Map(IEnumerable<PreprocessedSliceRow> rows)
    {
        foreach (var patient in PatientGroups.Of(rows))
        {
            var first = patient[0];
            var frame = PreprocessingTransformer.FrameOf(Scoring.Preprocessing, patient);
            var maps = Scoring.Score(first.PatientId, frame, patient.Select(r => r.Position).ToArray(), () => patient.Select(r => r.Image).ToArray());
            for (var i = 0; i < patient.Count; i++)
            {
                var scored = ScoredSliceRow.From(patient[i], maps[i]);
                // No later step reads the model input: dropping it spares every later step copying it through ML.NET.
                scored.Image = [];
                yield return scored;
            }
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) Scoring.Dispose();
    }
}
