using CovidCt.Data.IO;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.Scoring;

/// <summary>
/// The model output contract: probabilities in [0, 1], logits refused with the remedy or turned into probabilities when
/// stated (options, then model metadata), and the very same maps whether or not the probability cache is used.
/// </summary>
public sealed class OutputContractTests : IDisposable
{
    private const int Size = 16;
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Logits_are_refused_on_the_first_scored_batch_with_the_remedy()
    {
        using var scoring = new LesionScoring(_models.Logits(Size));

        var e = Assert.Throws<InvalidInputException>(() => Score(scoring, Ramp()));

        Assert.Contains("looks like logits", e.Message, StringComparison.Ordinal);
        Assert.Contains("--output-activation sigmoid", e.Message, StringComparison.Ordinal);
        Assert.Contains(ModelMetadataKeys.OutputActivation, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Logits_are_refused_before_anything_is_cached()
    {
        var root = Path.Combine(_models.Folder, "cache");
        using var scoring = new LesionScoring(_models.Logits(Size), cache: new ProbabilityCacheOptions(root, "cohort"));

        Assert.Throws<InvalidInputException>(() => Score(scoring, Ramp()));
        Assert.False(scoring.IsCached("p"));
    }

    [Fact]
    public void The_options_activation_wins_over_the_metadata_which_wins_over_none()
    {
        var stated = new OnnxScoringOptions { OutputActivation = OutputActivation.Sigmoid };
        using var fromOptions = new LesionScoring(_models.Logits(Size, (ModelMetadataKeys.OutputActivation, "none")), scoring: stated);
        using var fromMetadata = new LesionScoring(_models.Logits(Size, (ModelMetadataKeys.OutputActivation, "sigmoid")));

        var image = Ramp();
        var expected = image.Select(v => MathF.Round(255f / (1f + MathF.Exp(-20f * (v - 0.5f))), MidpointRounding.AwayFromZero) / 255f).ToArray();
        Assert.Equal(expected, Score(fromOptions, image).Values);
        Assert.Equal(expected, Score(fromMetadata, image).Values);
        Assert.Equal(OutputActivation.Sigmoid, fromMetadata.Scorer.Activation);
    }

    [Fact]
    public void The_activation_is_part_of_the_cache_key()
    {
        using var plain = new BatchedOnnxScorer(_models.Logits(Size));
        using var sigmoid = new BatchedOnnxScorer(_models.Logits(Size), options: new OnnxScoringOptions { OutputActivation = OutputActivation.Sigmoid });

        Assert.NotEqual(ProbabilityCacheKey.For(plain, "c").Hash, ProbabilityCacheKey.For(sigmoid, "c").Hash);
    }

    /// <summary>
    /// Probabilities exactly on quantisation steps (k/255) and between them ((k ± 0.5)/255 and a hair either side), decided
    /// at thresholds that are themselves on and between steps: the cached and the uncached run must agree on every pixel.
    /// </summary>
    [Fact]
    public void Cached_and_uncached_runs_decide_identically_at_thresholds_on_and_between_quantisation_steps()
    {
        var values = new List<float>();
        foreach (var k in new[] { 0, 1, 127, 128, 129, 254 })
        {
            foreach (var offset in new[] { 0f, 0.5f, -0.5f, 0.4999f, 0.5001f }) values.Add(Math.Clamp((k + offset) / 255f, 0f, 1f));
        }
        var image = values.Concat(Enumerable.Repeat(0f, Size * Size - values.Count)).ToArray();
        using var uncached = new LesionScoring(_models.Identity(Size));
        using var cached = new LesionScoring(_models.Identity(Size), cache: new ProbabilityCacheOptions(Path.Combine(_models.Folder, "cache"), "cohort"));

        var cold = Score(cached, image).Values;
        var warm = Score(cached, image).Values;
        var direct = Score(uncached, image).Values;

        foreach (var threshold in new[] { 0.5f, 128 / 255f, 127.5f / 255f, 1 / 255f, 0.5f / 255f, 254.5f / 255f })
        {
            Assert.Equal(direct.Select(p => p > threshold), cold.Select(p => p > threshold));
            Assert.Equal(direct.Select(p => p > threshold), warm.Select(p => p > threshold));
        }
        Assert.Equal(direct, warm);
    }

    private static float[] Ramp() => Enumerable.Range(0, Size * Size).Select(i => i / (Size * Size - 1f)).ToArray();

    private static ProbabilityMap Score(LesionScoring scoring, float[] image) => scoring.ScoreAtModelResolution("p", [0.0], () => [image]).Single();
}
