using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Scoring;

/// <summary>
/// The <see cref="ScoringShare"/> of each fit of one chain: the share is made when the lesion-scoring step is fitted, from the
/// option objects the chain's steps hold (so both plan from the same ones), as they are then, and the valid-area step fitted
/// next in the same chain joins that one. A chain fitted again gets a new share (four sessions are never budgeted as two), and
/// options changed between building the chain and fitting it are planned as they are at the fit.
/// </summary>
internal sealed class ChainShares(string lesionModel, PreprocessingOptions preprocessing, OnnxScoringOptions scoring, PostProcessing.ValidAreaOptions validArea)
{
    private readonly Lock _gate = new();
    private ScoringShare? _waiting;

    /// <summary>A new share for the lesion model and the segmentation model the options name now; the next <see cref="ForSegmentationModel"/> takes it.</summary>
    public ScoringShare ForLesionModel()
    {
        var share = ScoringShare.ForChain(lesionModel, preprocessing, scoring, validArea);
        lock (_gate) _waiting = share.Members > 1 ? share : null;
        return share;
    }

    /// <summary>
    /// The share the lesion model's last fit made for <paramref name="segmentationModel"/>, once; null (a share of its own) when
    /// there is none, as for a valid-area step fitted without the lesion step before it.
    /// </summary>
    public ScoringShare? ForSegmentationModel(string segmentationModel)
    {
        lock (_gate)
        {
            var share = _waiting;
            _waiting = null;
            return share is not null && share.Holds(1, segmentationModel) ? share : null;
        }
    }
}
