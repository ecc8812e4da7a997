using CovidCt.Data.IO;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.Scoring;

/// <summary>
/// Issue #20: the chain begins the next patient's scoring before it hands the current patient's rows on, so the model works
/// while the later steps finish a patient; the maps, their checks and the order of errors are those of scoring one by one.
/// </summary>
public sealed class ScoringAheadTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    private static IReadOnlyList<double> Positions(int count) => Enumerable.Range(0, count).Select(z => 2.5 * z).ToArray();

    [Fact]
    public async Task The_next_patient_is_scored_before_the_current_patients_maps_are_asked_for_and_both_equal_scoring_one_by_one()
    {
        var path = _models.Convolution(8);
        var a = BatchedOnnxScorerTests.RandomImages(5, 64, seed: 3);
        var b = BatchedOnnxScorerTests.RandomImages(3, 64, seed: 4);
        using var scoring = new LesionScoring(path, scoring: new OnnxScoringOptions { BatchSize = 2, ConcurrentBatches = 2 });
        var first = scoring.Begin("A", Positions(5), () => a);
        var second = scoring.Begin("B", Positions(3), () => b);

        Assert.NotNull(second.Maps);
        // Patient B's batches run while nobody has asked for patient A's maps.
        await second.Maps.WaitAsync(Patience);

        using var oneByOne = new LesionScoring(path, scoring: new OnnxScoringOptions { BatchSize = 2, ConcurrentBatches = 2 });
        var frame = scoring.Preprocessing.FrameOf(8, 8);
        Assert.Equal(Values(oneByOne.Score("A", frame, Positions(5), () => a)), Values(scoring.ScoreBegun(first, frame)));
        Assert.Equal(Values(oneByOne.Score("B", frame, Positions(3), () => b)), Values(scoring.ScoreBegun(second, frame)));
    }

    [Fact]
    public void A_model_failure_in_a_patient_scored_ahead_is_thrown_naming_that_patient_when_its_turn_comes()
    {
        using var scoring = new LesionScoring(_models.NotANumber(8));
        var images = BatchedOnnxScorerTests.RandomImages(2, 64, seed: 5);
        var first = scoring.Begin("A", Positions(2), () => images);
        var second = scoring.Begin("B", Positions(2), () => images);
        var frame = scoring.Preprocessing.FrameOf(8, 8);

        var error = Assert.Throws<InvalidInputException>(() => scoring.ScoreBegun(first, frame));
        Assert.Contains("patient 'A', slice 0", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<InvalidInputException>(() => scoring.ScoreBegun(second, frame));
        Assert.Contains("patient 'B', slice 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_of_the_wrong_size_fail_when_the_patients_turn_comes_not_when_its_scoring_is_begun()
    {
        using var scoring = new LesionScoring(_models.Convolution(8));
        var good = BatchedOnnxScorerTests.RandomImages(1, 64, seed: 6);
        var first = scoring.Begin("A", Positions(1), () => good);
        var wrong = scoring.Begin("B", Positions(1), () => [new float[10]]);
        var frame = scoring.Preprocessing.FrameOf(8, 8);

        Assert.Single(scoring.ScoreBegun(first, frame));
        var error = Assert.Throws<ArgumentException>(() => scoring.ScoreBegun(wrong, frame));
        Assert.Contains("holds 10 floats", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scorer_disposed_twice_does_not_throw_and_scores_nothing_after_it()
    {
        var scorer = new BatchedOnnxScorer(_models.Convolution(8));
        var images = BatchedOnnxScorerTests.RandomImages(2, 64, seed: 7);
        Assert.Equal(2, scorer.Score(images).Count);
        scorer.Dispose();
        scorer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => scorer.Score(images));
    }

    private static float[][] Values(IReadOnlyList<ProbabilityMap> maps) => maps.Select(m => m.Values.ToArray()).ToArray();
}
