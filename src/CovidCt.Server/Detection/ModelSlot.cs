using CovidCt.Data;
using CovidCt.Pipelines;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Server.Detection;

/// <summary>The probability maps and valid areas of one volume under one model: what post-processing re-runs on.</summary>
/// <param name="Maps">One map per slice at the slice's resolution.</param>
/// <param name="ValidAreas">One valid area per slice.</param>
internal sealed record ScoredVolume(IReadOnlyList<ProbabilityMap> Maps, IReadOnlyList<ValidArea> ValidAreas);

/// <summary>
/// One model's opened <see cref="DetectionPipeline"/>. The pipeline is not thread-safe, so scoring takes turns; post-processing
/// needs no turn, since it runs on kept maps with its own detector (<see cref="DetectionPipeline.Detect(SliceDetector, PipelineOptions, string, string, VolumeGeometry, IReadOnlyList{ProbabilityMap}, IReadOnlyList{ValidArea})"/>).
/// </summary>
internal sealed class ModelSlot(ModelEntry model, DetectionPipeline pipeline) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>The model.</summary>
    public ModelEntry Model { get; } = model;

    /// <summary>The options the pipeline was opened with (the study's, as <c>covidct detect</c> without options).</summary>
    public PipelineOptions Options => pipeline.Options;

    /// <summary>Null, or the warning that one scoring batch of this model is estimated above the memory budget (<see cref="BatchedOnnxScorer.BudgetWarning"/>).</summary>
    public string? BudgetWarning => pipeline.Scorer.BudgetWarning;

    /// <summary>Steps 2 to 4 on <paramref name="volume"/>: the maps and valid areas, as <see cref="DetectionPipeline.Run"/> computes them.</summary>
    public async Task<ScoredVolume> ScoreAsync(string patientId, CtVolume volume, CancellationToken cancel)
    {
        await _turn.WaitAsync(cancel);
        try
        {
            return new ScoredVolume(pipeline.Score(patientId, volume), pipeline.ValidAreas(volume));
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Releases the model sessions.</summary>
    public void Dispose()
    {
        pipeline.Dispose();
        _turn.Dispose();
    }
}
