using System.Buffers;
using System.Text;
using CovidCt.Data.IO;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Caching;

/// <summary>
/// Probability maps on disk, one file per patient under a folder named by the <see cref="ProbabilityCacheKey"/> hash, so
/// steps 4 to 8 can be re-run for any threshold, minimum size, k or quadrant setting without the model.
/// </summary>
/// <remarks>
/// Maps are quantised to 8 bits (value = round(p x 255) / 255, error at most 1/510) and zlib-compressed at the fastest level
/// (issue #20: on the default cohort's maps a tenth to a third of the optimal level's write time, reads as fast, 61 KiB instead
/// of 23 KiB for 4.1 MiB of maps; the stream format is the same, so files of either level read alike). Scoring without a
/// cache returns the same quantised maps (<see cref="LesionScoring"/>), so no decision at any threshold depends on whether the
/// cache was used. A file that cannot be decoded is treated as missing and replaced on the next write.
/// </remarks>
public sealed class ProbabilityMapCache
{
    private static readonly byte[] Magic = "CCPM"u8.ToArray();
    private const byte FormatVersion = 1;

    /// <summary>
    /// The grid every probability is rounded to, cached or not (<see cref="Quantised"/>): 1/255. Statistics that take a logit
    /// of a probability (calibration) need it, because a pixel within half a step of 0 or 1 reads exactly 0 or 1.
    /// </summary>
    public const double ProbabilityStep = 1.0 / 255;

    /// <summary>A cache for <paramref name="key"/> under <paramref name="root"/> (created when missing).</summary>
    public ProbabilityMapCache(string root, ProbabilityCacheKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Root = Path.GetFullPath(root);
        Key = key;
        Folder = Path.Combine(Root, key.Hash);
        Directory.CreateDirectory(Folder);
        // Runs killed while writing leave their temporary files behind; the next cache over the folder removes them.
        AtomicFile.DeleteOrphans(Folder);
        var description = Path.Combine(Folder, "key.txt");
        if (!File.Exists(description)) AtomicFile.WriteAllText(description, key.Description + "\n");
    }

    /// <summary>The folder holding every key's maps.</summary>
    public string Root { get; }

    /// <summary>The key of the maps this cache reads and writes.</summary>
    public ProbabilityCacheKey Key { get; }

    /// <summary>This key's folder.</summary>
    public string Folder { get; }

    /// <summary>
    /// Why maps could not be written (the first failure), or null. The run goes on with the same numbers, only slower; a library
    /// writes nothing to the console, so the caller shows this with the run's other warnings (metrics.json, the console, report.html).
    /// </summary>
    public string? Warning { get; private set; }

    /// <summary>The file of <paramref name="patientId"/> (its name hex-encoded, so any id is a safe file name).</summary>
    public string PathOf(string patientId) => Path.Combine(Folder, Convert.ToHexStringLower(Encoding.UTF8.GetBytes(patientId)) + ".pmap");

    // A map of 4096 x 4096: above any model output (the study's UNet++ is 512 x 512), so a larger size is damage.
    private const long MaximumMapPixels = 1L << 24;

    /// <summary>Reads the maps of <paramref name="patientId"/>; false when they are not cached (or the file is unreadable).</summary>
    public bool TryRead(string patientId, out IReadOnlyList<ProbabilityMap> maps)
    {
        var read = CacheFile.Read(PathOf(patientId), Magic, FormatVersion, (reader, inflatesToAtMost) =>
        {
            // Each map takes at least its 8-byte size, and its bytes at most what the file can hold and no more than a model's
            // output can be: a damaged count or size is refused here, and the maps are collected as they are read, so nothing of
            // the declared size is allocated or rented before the bytes are there.
            var count = reader.ReadInt32();
            if (count < 0 || 8L * count > inflatesToAtMost) return null;
            var result = new List<ProbabilityMap>(Math.Min(count, 4096));
            for (var i = 0; i < count; i++)
            {
                var width = reader.ReadInt32();
                var height = reader.ReadInt32();
                if (width < 0 || height < 0 || (long)width * height > Math.Min(inflatesToAtMost, MaximumMapPixels)) return null;
                // Read into a pooled buffer: the bytes are dequantised at once, and a fresh array per map only fed the collector.
                var length = width * height;
                var bytes = ArrayPool<byte>.Shared.Rent(length);
                try
                {
                    if (reader.BaseStream.ReadAtLeast(bytes.AsSpan(0, length), length, throwOnEndOfStream: false) != length) return null;
                    result.Add(new ProbabilityMap(width, height, ProbabilityQuantisation.Dequantise(bytes.AsSpan(0, length))));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(bytes);
                }
            }
            return result;
        });
        maps = read ?? [];
        return read is not null;
    }

    /// <summary>Writes the maps of <paramref name="patientId"/> (atomically), quantised to 8 bits.</summary>
    public void Write(string patientId, IReadOnlyList<ProbabilityMap> maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        Write(patientId, maps.Select(Quantise).ToArray());
    }

    private void Write(string patientId, QuantisedMap[] maps) => CacheFile.Write(PathOf(patientId), Magic, FormatVersion, writer =>
    {
        writer.Write(maps.Length);
        foreach (var map in maps)
        {
            writer.Write(map.Width);
            writer.Write(map.Height);
            writer.Write(map.Bytes);
        }
    });

    /// <summary>The cached maps of <paramref name="patientId"/>, or <paramref name="score"/>'s, written to the cache first.</summary>
    /// <remarks>
    /// The maps returned are always the quantised ones, so a sweep sees the same numbers whether the cache was warm or cold. A
    /// fresh patient's maps are quantised once, written, and returned from those very bytes: reading the file back gave the same
    /// floats at the cost of opening and inflating it again.
    /// </remarks>
    public IReadOnlyList<ProbabilityMap> GetOrScore(string patientId, Func<IReadOnlyList<ProbabilityMap>> score)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (TryRead(patientId, out var cached)) return cached;
        var maps = score().Select(Quantise).ToArray();
        try
        {
            Write(patientId, maps);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk or a read-only cache costs speed, not results: keep the first reason and go on with the same quantised maps.
            Warning ??= $"the probability cache {Folder} cannot be written ({e.Message}); the run went on without caching";
        }
        return maps.Select(m => m.Dequantised()).ToArray();
    }

    /// <summary>Deletes the folders of every other key under <see cref="Root"/> (maps made with another model, cohort or preprocessing).</summary>
    /// <returns>How many folders were deleted.</returns>
    public int PruneOtherKeys()
    {
        var deleted = 0;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            if (Path.GetFileName(folder) == Key.Hash || !File.Exists(Path.Combine(folder, "key.txt"))) continue;
            Directory.Delete(folder, recursive: true);
            deleted++;
        }
        return deleted;
    }

    /// <summary>
    /// <paramref name="map"/> as the cache stores it: every value rounded to the nearest k/255. Uncached scoring returns
    /// these too, so cached and uncached runs decide on the very same numbers at any threshold.
    /// </summary>
    internal static ProbabilityMap Quantised(ProbabilityMap map) => Quantise(map).Dequantised();

    private static QuantisedMap Quantise(ProbabilityMap map) => new(map.Width, map.Height, ProbabilityQuantisation.Quantise(map.Values, nameof(map)));

    // A map as the cache stores it: one byte per pixel, value k meaning k/255.
    private sealed record QuantisedMap(int Width, int Height, byte[] Bytes)
    {
        public ProbabilityMap Dequantised() => new(Width, Height, ProbabilityQuantisation.Dequantise(Bytes));
    }
}
