using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.Caching;

public sealed class ProbabilityMapCacheTests : IDisposable
{
    private static readonly ImagePreprocessing Study = new(1200, -700, 32, 32, TensorLayout.Nchw, 1);
    private readonly TestModels _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ProbabilityCacheKey Key(string model = "aa", string cohort = "bb", ImagePreprocessing? preprocessing = null) =>
        new(model, cohort, preprocessing ?? Study, "probability");

    [Fact]
    public void Maps_come_back_quantised_to_8_bits_and_a_second_read_does_not_score()
    {
        var cache = new ProbabilityMapCache(_folder.Folder, Key());
        float[] values = [0f, 0.5f, 0.4990f, 1f, 0.25f, 0.7f];
        var scored = 0;
        IReadOnlyList<ProbabilityMap> Score() { scored++; return [new ProbabilityMap(3, 2, values), new ProbabilityMap(1, 1, [0.3f])]; }
        var first = cache.GetOrScore("patient/1", Score);
        var second = cache.GetOrScore("patient/1", Score);
        Assert.Equal(1, scored);
        Assert.Equal(first[0].Values, second[0].Values);
        Assert.Equal((3, 2), (second[0].Width, second[0].Height));
        Assert.Equal([0f, 128 / 255f, 127 / 255f, 1f, 64 / 255f, 179 / 255f], second[0].Values);
        Assert.Equal(0.3f, second[1].Values[0], 1f / 510);
        Assert.True(second[0].Values[1] >= 0.5f, "0.5 must stay at or above the study's threshold");
    }

    [Fact]
    public void Any_change_of_model_cohort_or_preprocessing_misses_the_cache()
    {
        var original = new ProbabilityMapCache(_folder.Folder, Key());
        original.Write("P1", [new ProbabilityMap(1, 1, [0.9f])]);
        Assert.True(new ProbabilityMapCache(_folder.Folder, Key()).TryRead("P1", out _));
        Assert.False(new ProbabilityMapCache(_folder.Folder, Key(model: "ab")).TryRead("P1", out _));
        Assert.False(new ProbabilityMapCache(_folder.Folder, Key(cohort: "bc")).TryRead("P1", out _));
        Assert.False(new ProbabilityMapCache(_folder.Folder, Key(preprocessing: Study with { WindowLevel = -600 })).TryRead("P1", out _));
        var current = new ProbabilityMapCache(_folder.Folder, Key(model: "ab"));
        Assert.Equal(4, Directory.GetDirectories(_folder.Folder).Length);
        Assert.Equal(3, current.PruneOtherKeys());
        Assert.False(new ProbabilityMapCache(_folder.Folder, Key()).TryRead("P1", out _));
    }

    [Fact]
    public void A_damaged_file_is_a_miss_and_is_replaced()
    {
        var cache = new ProbabilityMapCache(_folder.Folder, Key());
        File.WriteAllText(cache.PathOf("P2"), "not a map");
        Assert.False(cache.TryRead("P2", out _));
        var maps = cache.GetOrScore("P2", () => [new ProbabilityMap(1, 1, [1f])]);
        Assert.Equal([1f], maps[0].Values);
    }

    [Fact]
    public void The_key_of_a_pipeline_names_its_model_hash_and_preprocessing()
    {
        using var pipeline = new DetectionPipeline(_folder.Identity(8));
        var key = ProbabilityCacheKey.For(pipeline, "cohort");
        Assert.Contains($"model={pipeline.Scorer.Model.Sha256}", key.Description);
        Assert.Contains("window=1200/-700;input=8x8x1;layout=Nchw", key.Description);
        // Maps of slices fitted by keeping the aspect ratio (padded with air) differ from squashed ones: another key, so maps
        // cached before the change are never read.
        Assert.Contains("fit=keep-aspect-pad-air", key.Description);
        Assert.Equal(64, key.Hash.Length);
    }

    [Fact]
    public void Temporary_files_of_killed_writers_are_removed_by_the_next_cache()
    {
        var folder = new ProbabilityMapCache(_folder.Folder, Key()).Folder;
        var orphan = Path.Combine(folder, $".50.pmap.{int.MaxValue}.{Guid.NewGuid():N}.tmp");
        var live = Path.Combine(folder, $".51.pmap.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(orphan, "half");
        File.WriteAllText(live, "being written");

        _ = new ProbabilityMapCache(_folder.Folder, Key());

        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(live), "a file of a running writer must stay");
    }

    [Fact]
    public void A_cache_write_that_fails_is_kept_as_the_caches_warning_not_written_to_the_console_and_the_run_goes_on_with_the_same_numbers()
    {
        var cache = new ProbabilityMapCache(_folder.Folder, Key());
        // A folder where the cache file should go: the rename onto it fails as a full disk would.
        Directory.CreateDirectory(cache.PathOf("P1"));
        Directory.CreateDirectory(cache.PathOf("P2"));
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        IReadOnlyList<ProbabilityMap> first, second;
        try
        {
            first = cache.GetOrScore("P1", () => [new ProbabilityMap(2, 1, [0.5f, 0.7f])]);
            second = cache.GetOrScore("P2", () => [new ProbabilityMap(1, 1, [0.25f])]);
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.Equal([128 / 255f, 179 / 255f], first[0].Values);
        Assert.Equal([64 / 255f], second[0].Values);
        Assert.Equal("", error.ToString());
        Assert.Contains("cannot be written", cache.Warning, StringComparison.Ordinal);
        Assert.Contains(cache.Folder, cache.Warning, StringComparison.Ordinal);
    }
}
