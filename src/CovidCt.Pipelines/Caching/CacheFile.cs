using System.IO.Compression;
using CovidCt.Data.IO;

namespace CovidCt.Pipelines.Caching;

/// <summary>
/// The file format every cache shares: zlib (fastest level) around a four-byte magic, a format version and the cache's own
/// body, written atomically. A file that is missing, of another kind or version, or damaged reads as "not cached".
/// </summary>
/// <remarks>
/// Files are not flushed to the disk before they are renamed into place (an fsync cost 4–10 ms per patient, on the thread that
/// scores, issue #20): a file cut short or garbled by a power loss fails zlib's Adler-32 check, which <see cref="Read{T}"/>
/// always reaches by reading the stream to its end, so it is read as missing and made again, never read as other numbers.
/// </remarks>
internal static class CacheFile
{
    /// <summary>Writes <paramref name="body"/> after the header, atomically.</summary>
    public static void Write(string path, byte[] magic, byte version, Action<BinaryWriter> body) => AtomicFile.Write(path, stream =>
    {
        using var zlib = new ZLibStream(stream, CompressionLevel.Fastest, leaveOpen: true);
        using var writer = new BinaryWriter(zlib);
        writer.Write(magic);
        writer.Write(version);
        body(writer);
    }, flushToDisk: false);

    /// <summary>
    /// The value <paramref name="body"/> reads after the header, or null when the file is missing, its header is not
    /// <paramref name="magic"/> and <paramref name="version"/>, <paramref name="body"/> returns null, anything follows the body,
    /// or the file is damaged (the zlib checksum at its end included). <paramref name="body"/> also receives the most bytes the
    /// file can inflate to: a count or size it reads must fit within it before anything is allocated for it, so a damaged
    /// header declaring gigabytes reads as "not cached" instead of allocating them.
    /// </summary>
    public static T? Read<T>(string path, byte[] magic, byte version, Func<BinaryReader, long, T?> body) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var file = File.OpenRead(path);
            var inflatesToAtMost = DeflateBound.InflatesToAtMost(file.Length);
            using var zlib = new ZLibStream(file, CompressionMode.Decompress);
            using var reader = new BinaryReader(zlib);
            if (!reader.ReadBytes(magic.Length).AsSpan().SequenceEqual(magic) || reader.ReadByte() != version) return null;
            var value = body(reader, inflatesToAtMost);
            // Reading past the body makes zlib check the stream's Adler-32 (a damaged file throws here) and finds trailing data.
            return zlib.ReadByte() == -1 ? value : null;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or OverflowException)
        {
            return null;
        }
    }
}
