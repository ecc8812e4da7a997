using System.IO.Compression;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.Caching;

/// <summary>
/// Issue #20: cache files are no longer flushed to the disk before they are renamed into place, so a power loss can leave one
/// garbled. Reading therefore always reaches zlib's Adler-32 check: a file whose content does not match it, or that holds more
/// than its body, is "not cached" and scored again, never read as other probabilities.
/// </summary>
public sealed class CacheChecksumTests : IDisposable
{
    private readonly TestModels _folder = new();

    public void Dispose() => _folder.Dispose();

    private ProbabilityMapCache Cache() =>
        new(_folder.Folder, new ProbabilityCacheKey("aa", "bb", new ImagePreprocessing(1200, -700, 32, 32, TensorLayout.Nchw, 1), "probability"));

    // A stored (uncompressed) zlib stream of the cache's body: each map byte sits in the file as it is, so one can be changed
    // without breaking the deflate format, which only the checksum then catches.
    private static byte[] StoredFile(byte[] mapBytes, byte[] trailing)
    {
        using var file = new MemoryStream();
        using (var zlib = new ZLibStream(file, CompressionLevel.NoCompression, leaveOpen: true))
        using (var writer = new BinaryWriter(zlib))
        {
            writer.Write("CCPM"u8.ToArray());
            writer.Write((byte)1);
            writer.Write(1);
            writer.Write(mapBytes.Length);
            writer.Write(1);
            writer.Write(mapBytes);
            writer.Write(trailing);
        }
        return file.ToArray();
    }

    [Fact]
    public void A_map_byte_changed_after_writing_fails_the_checksum_and_is_scored_again()
    {
        var cache = Cache();
        byte[] map = [10, 20, 30, 40, 50, 60, 70, 80];
        var bytes = StoredFile(map, []);
        Assert.True(WriteAndRead(cache, bytes), "the intact stored file reads");
        bytes[Array.LastIndexOf(bytes, (byte)80)] = 81;
        Assert.False(WriteAndRead(cache, bytes), "a garbled map must not read as 81/255");
        var scored = cache.GetOrScore("P1", () => [new ProbabilityMap(8, 1, [.. map.Select(b => b / 255f)])]);
        Assert.Equal(80 / 255f, scored[0].Values[^1]);
    }

    [Fact]
    public void A_garbled_map_is_caught_wherever_the_checksum_falls_against_the_readers_buffers()
    {
        // The map's bytes can all be inflated before the 4-byte checksum has been read: files ending a few bytes past a buffer
        // boundary (multiples of 4 KiB) are the ones a reader that stops after the body would accept garbled.
        var cache = Cache();
        foreach (var length in Enumerable.Range(0, 40).Select(k => 4096 * (1 + k / 10) - 30 + k % 10 * 4))
        {
            var map = new byte[length];
            map[^1] = 0xAB;
            var bytes = StoredFile(map, []);
            bytes[Array.LastIndexOf(bytes, (byte)0xAB)] = 0xAC;
            Assert.False(WriteAndRead(cache, bytes), $"a garbled map of {length} bytes must not read");
        }
    }

    [Fact]
    public void Data_after_the_body_is_not_a_cached_map()
    {
        var cache = Cache();
        Assert.False(WriteAndRead(cache, StoredFile([1, 2, 3, 4], [9, 9])));
    }

    [Theory]
    [InlineData(int.MaxValue / 8, 8, 1, 64)]
    [InlineData(1, 40_000, 40_000, 64)]
    [InlineData(260_000_000, 8, 1, 2_000_000)]
    [InlineData(1, 5_000, 5_000, 2_000_000)]
    public void A_damaged_header_declaring_huge_maps_reads_as_not_cached_without_allocating_them(int count, int width, int height, int fileBytes)
    {
        // A count of maps in the hundreds of millions, or one map of 25 MB to 1.6 GB: a file of a few hundred bytes cannot
        // inflate to that; one of 2 MB could hold the count's sizes but not its maps, and no model writes a 5000 x 5000 map.
        // Either way it is a miss before a map array or a map's buffer of the declared size is allocated.
        var cache = Cache();
        using var file = new MemoryStream();
        using (var zlib = new ZLibStream(file, CompressionLevel.NoCompression, leaveOpen: true))
        using (var writer = new BinaryWriter(zlib))
        {
            writer.Write("CCPM"u8.ToArray());
            writer.Write((byte)1);
            writer.Write(count);
            writer.Write(width);
            writer.Write(height);
            writer.Write(new byte[fileBytes]);
        }
        var bytes = file.ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.False(WriteAndRead(cache, bytes));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 16 << 20, $"reading the damaged file allocated {allocated} bytes");
    }

    private static bool WriteAndRead(ProbabilityMapCache cache, byte[] file)
    {
        File.WriteAllBytes(cache.PathOf("P1"), file);
        return cache.TryRead("P1", out _);
    }
}
