using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CovidCt.Data.IO;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Caching;

/// <summary>
/// The HU lung segmentation's valid areas on disk, one file per patient, beside the probability maps (under
/// <c>ROOT/valid-areas/KEY-HASH</c>), so a sweep run again over the same cohort reads each patient's areas instead of segmenting
/// every slice again (issue #20). The key is the cohort's fingerprint, every segmentation option and the segmentation's code
/// version (<see cref="Description"/>); any change gives another folder, so stale areas are never read. The same rules as
/// <see cref="ProbabilityMapCache"/>: files are written atomically, a file that cannot be decoded (or that does not fit the
/// patient's slices) counts as missing, and a cache that cannot be written costs speed, not results (<see cref="Warning"/>).
/// </summary>
/// <remarks>
/// What is stored is what the chain keeps of an area: the bounds for <see cref="ValidAreaRegion.Rectangle"/>, and the mask as well
/// for <see cref="ValidAreaRegion.Mask"/>; an area read back is the one segmented, value for value. Only the HU segmentation is
/// cached: a segmentation model's areas depend on the model too, and the whole image needs no segmentation.
/// </remarks>
internal sealed class ValidAreaCache
{
    /// <summary>The folder under a cache root that holds every valid-area key's folder.</summary>
    public const string FolderName = "valid-areas";

    // The segmentation's code version: raise it when LungSegmenter or the imaging core's lung fields change what they find.
    private const string Segmentation = "hu-lung-fields-2d/1";

    private static readonly byte[] Magic = "CCVA"u8.ToArray();
    private const byte FormatVersion = 1;

    private readonly bool _withMask;
    private int _cachedPatients;

    private ValidAreaCache(string root, string description, bool withMask)
    {
        _withMask = withMask;
        Description = description;
        Folder = Path.Combine(Path.GetFullPath(root), FolderName, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(description))));
        Directory.CreateDirectory(Folder);
        // Runs killed while writing leave their temporary files behind; the next cache over the folder removes them.
        AtomicFile.DeleteOrphans(Folder);
        var key = Path.Combine(Folder, "key.txt");
        if (!File.Exists(key)) AtomicFile.WriteAllText(key, description + "\n");
    }

    /// <summary>
    /// The cache of <paramref name="options"/>' areas on the cohort of <paramref name="cache"/>, or null when they are not the HU
    /// segmentation's (a segmentation model, or the whole image).
    /// </summary>
    public static ValidAreaCache? For(ProbabilityCacheOptions cache, ValidAreaOptions options)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        if (options.SegmentationModelPath is not null || options.Region == ValidAreaRegion.WholeImage) return null;
        return new ValidAreaCache(cache.Root, KeyOf(cache.CohortSha256, options), options.Region == ValidAreaRegion.Mask);
    }

    /// <summary>Every input of the areas as one line of text (written beside them as key.txt): the key.</summary>
    public static string KeyOf(string cohortSha256, ValidAreaOptions options) => string.Create(CultureInfo.InvariantCulture,
        $"cohort={cohortSha256.ToLowerInvariant()};segmentation={Segmentation};air={options.AirThresholdHu:R}HU;components={options.LungComponents};" +
        $"min_fraction={options.MinLungFraction:R};border_inside_body={options.BorderLungInsideBody:R};closing={options.ClosingRadius};region={options.Region}");

    /// <summary>The key as text.</summary>
    public string Description { get; }

    /// <summary>This key's folder.</summary>
    public string Folder { get; }

    /// <summary>Patients whose areas were read from the cache rather than segmented, so far.</summary>
    public int CachedPatients => _cachedPatients;

    /// <summary>Why areas could not be written (the first failure), or null; the run went on with the same areas.</summary>
    public string? Warning { get; private set; }

    /// <summary>The file of <paramref name="patientId"/> (its name hex-encoded, so any id is a safe file name).</summary>
    public string PathOf(string patientId) => Path.Combine(Folder, Convert.ToHexStringLower(Encoding.UTF8.GetBytes(patientId)) + ".varea");

    /// <summary>
    /// The areas of <paramref name="patientId"/>'s <paramref name="slices"/> slices of <paramref name="width"/> x <paramref name="height"/>
    /// from the cache, or <paramref name="segment"/>'s, written to the cache first.
    /// </summary>
    public IReadOnlyList<ValidArea> GetOrSegment(string patientId, int slices, int width, int height, Func<IReadOnlyList<ValidArea>> segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (TryRead(patientId, slices, width, height, out var cached))
        {
            Interlocked.Increment(ref _cachedPatients);
            return cached;
        }
        var areas = segment();
        try
        {
            Write(patientId, areas);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warning ??= $"the valid-area cache {Folder} cannot be written ({e.Message}); the run went on without caching";
        }
        return areas;
    }

    /// <summary>Reads the areas of <paramref name="patientId"/>; false when they are not cached, unreadable or not of the slices given.</summary>
    public bool TryRead(string patientId, int slices, int width, int height, out IReadOnlyList<ValidArea> areas)
    {
        // The sizes read must equal the volume's own, so a damaged header allocates nothing large: the bound is not needed here.
        var read = CacheFile.Read(PathOf(patientId), Magic, FormatVersion, (reader, _) =>
        {
            if (reader.ReadInt32() != slices || reader.ReadInt32() != width || reader.ReadInt32() != height) return null;
            var withMask = reader.ReadBoolean();
            var result = new ValidArea[slices];
            for (var z = 0; z < slices; z++)
            {
                ImageRectangle? bounds = reader.ReadBoolean() ? new ImageRectangle(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble()) : null;
                if (withMask)
                {
                    var mask = reader.ReadBytes(checked(width * height));
                    if (mask.Length != width * height) return null;
                    result[z] = new ValidArea(width, height, bounds, () => mask);
                }
                else
                {
                    var slice = z;
                    result[z] = new ValidArea(width, height, bounds, () => throw new InvalidOperationException(
                        $"patient '{patientId}' slice {slice}: the valid-area cache keeps the mask only for the region Mask; these areas were cached for the rectangle"));
                }
            }
            return result;
        });
        areas = read ?? [];
        return read is not null;
    }

    // One file per patient: slice count and size (checked on reading), then each slice's bounds and, for the mask region, its mask.
    private void Write(string patientId, IReadOnlyList<ValidArea> areas)
    {
        var (width, height) = areas.Count == 0 ? (0, 0) : (areas[0].Width, areas[0].Height);
        CacheFile.Write(PathOf(patientId), Magic, FormatVersion, writer =>
        {
            writer.Write(areas.Count);
            writer.Write(width);
            writer.Write(height);
            writer.Write(_withMask);
            foreach (var area in areas)
            {
                writer.Write(area.Bounds is not null);
                if (area.Bounds is { } b)
                {
                    writer.Write(b.Left);
                    writer.Write(b.Top);
                    writer.Write(b.Right);
                    writer.Write(b.Bottom);
                }
                if (_withMask) writer.Write(area.Mask);
            }
        });
    }
}
