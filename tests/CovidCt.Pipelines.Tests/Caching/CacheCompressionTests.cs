using System.IO.Compression;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.Caching;

/// <summary>
/// Issue #20, faster cache compression: maps are now written at zlib's fastest level and read through a table of k/255; a file
/// written at the optimal level (every cache made before) must still read as the very same floats.
/// </summary>
public sealed class CacheCompressionTests : IDisposable
{
    private readonly TestModels _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ProbabilityMapCache Cache(string root) =>
        new(root, new ProbabilityCacheKey("aa", "bb", new ImagePreprocessing(1200, -700, 32, 32, TensorLayout.Nchw, 1), "probability"));

    // Every byte value once, then a run of zeros as in a map's background.
    private static byte[] EveryLevel() => [.. Enumerable.Range(0, 256).Select(k => (byte)k), .. new byte[256]];

    [Fact]
    public void A_map_written_at_the_optimal_level_before_reads_as_every_k_over_255()
    {
        var cache = Cache(_folder.Folder);
        // The file as the cache wrote it until issue #20: CCPM, version 1, one 32 x 16 map, zlib at the optimal level.
        using (var file = File.Create(cache.PathOf("P1")))
        using (var zlib = new ZLibStream(file, CompressionLevel.Optimal))
        using (var writer = new BinaryWriter(zlib))
        {
            writer.Write("CCPM"u8.ToArray());
            writer.Write((byte)1);
            writer.Write(1);
            writer.Write(32);
            writer.Write(16);
            writer.Write(EveryLevel());
        }

        Assert.True(cache.TryRead("P1", out var maps));
        Assert.Equal(EveryLevel().Select(b => b / 255f), maps[0].Values);
    }

    [Fact]
    public void A_map_written_now_reads_back_as_the_quantised_values_an_uncached_run_decides_on()
    {
        var cache = Cache(_folder.Folder);
        var map = new ProbabilityMap(32, 16, EveryLevel().Select(b => b / 255f + 0.0004f).ToArray());
        var cached = cache.GetOrScore("P1", () => [map]);
        Assert.Equal(EveryLevel().Select(b => b / 255f), cached[0].Values);
        Assert.Equal(ProbabilityMapCache.Quantised(map).Values, cached[0].Values);
    }
}
