using CovidCt.Data.IO;
using CovidCt.Pipelines.Scoring;
using Microsoft.ML;

namespace CovidCt.Pipelines.Catalog;

/// <summary>Step 3: scores the <c>Image</c> column in batches over ONNX Runtime and adds <c>Probability</c>. Dispose to release the model.</summary>
public sealed class BatchedScoringTransformer : SliceTransformer<PreprocessedSliceRow, ScoredSliceRow>, IDisposable
{
    internal BatchedScoringTransformer(MLContext context, BatchedOnnxScorer scorer) : base(context) => Scorer = scorer;

    /// <summary>The scorer (model, provider in use).</summary>
    public BatchedOnnxScorer Scorer { get; }

    /// <summary>Releases the model session.</summary>
    public void Dispose() => Scorer.Dispose();

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">When the model returns NaN or infinity, naming patient and slice.</exception>
    protected override IEnumerable<ScoredSliceRow> Map(IEnumerable<PreprocessedSliceRow> rows)
    {
        var batch = new List<PreprocessedSliceRow>(Scorer.ImagesPerCall);
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count < Scorer.ImagesPerCall) continue;
            foreach (var scored in ScoreBatch(batch)) yield return scored;
            batch.Clear();
        }
        foreach (var scored in ScoreBatch(batch)) yield return scored;
    }

    private ScoredSliceRow[] ScoreBatch(List<PreprocessedSliceRow> batch)
    {
        if (batch.Count == 0) return [];
        var maps = Scorer.Score(batch.Select(r => r.Image).ToArray());
        var result = new ScoredSliceRow[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            maps[i].EnsureFinite(Scorer.Model.Path, batch[i].PatientId, batch[i].SliceIndex, batch[i].Position);
            result[i] = ScoredSliceRow.From(batch[i], maps[i]);
        }
        return result;
    }
}
