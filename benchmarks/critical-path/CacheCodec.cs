// Issue 20, item 4: the probability cache's codec on real cached maps. Run from this folder:
//   dotnet run CacheCodec.cs -c Release -- CACHE/KEYHASH [repeats]
// (a folder of .pmap files, e.g. the one `covidct evaluate` prints on its Cache: line).
using System.Diagnostics;
using System.IO.Compression;

// Re-encodes the payload of every .pmap in a cache folder with each codec, interleaved, and reports median write/read time and size.
var folder = args[0];
var repeats = args.Length > 1 ? int.Parse(args[1]) : 15;
var payloads = Directory.GetFiles(folder, "*.pmap").Select(f =>
{
    using var file = File.OpenRead(f);
    using var z = new ZLibStream(file, CompressionMode.Decompress);
    using var m = new MemoryStream();
    z.CopyTo(m);
    return m.ToArray();
}).ToArray();
var codecs = new (string Name, Func<Stream, Stream> Compress, Func<Stream, Stream> Decompress)[]
{
    ("zlib optimal (today)", s => new ZLibStream(s, CompressionLevel.Optimal, true), s => new ZLibStream(s, CompressionMode.Decompress)),
    ("zlib fastest", s => new ZLibStream(s, CompressionLevel.Fastest, true), s => new ZLibStream(s, CompressionMode.Decompress)),
    ("zlib smallest", s => new ZLibStream(s, CompressionLevel.SmallestSize, true), s => new ZLibStream(s, CompressionMode.Decompress)),
    ("brotli q1", s => new BrotliStream(s, new BrotliCompressionOptions { Quality = 1 }, true), s => new BrotliStream(s, CompressionMode.Decompress)),
    ("brotli q4", s => new BrotliStream(s, new BrotliCompressionOptions { Quality = 4 }, true), s => new BrotliStream(s, CompressionMode.Decompress)),
    ("uncompressed", s => new NonClosing(s), s => s),
    ("zlib fastest, table read", s => new ZLibStream(s, CompressionLevel.Fastest, true), s => new ZLibStream(s, CompressionMode.Decompress)),
};
var table = new float[256];
for (var b = 0; b < 256; b++) table[b] = b / 255f;
var write = codecs.Select(_ => new List<double>()).ToArray();
var read = codecs.Select(_ => new List<double>()).ToArray();
var size = new long[codecs.Length];
var buffer = new byte[1 << 20];
for (var r = 0; r < repeats + 2; r++)
{
    for (var c = 0; c < codecs.Length; c++)
    {
        var encoded = new byte[payloads.Length][];
        var clock = Stopwatch.StartNew();
        for (var p = 0; p < payloads.Length; p++)
        {
            var m = new MemoryStream();
            using (var z = codecs[c].Compress(m)) z.Write(payloads[p]);
            encoded[p] = m.ToArray();
        }
        var w = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        float sum = 0;
        for (var p = 0; p < payloads.Length; p++)
        {
            using var z = codecs[c].Decompress(new MemoryStream(encoded[p]));
            var values = new float[payloads[p].Length];
            int n, at = 0;
            while ((n = z.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (c == codecs.Length - 1) for (var i = 0; i < n; i++) values[at + i] = table[buffer[i]];
                else for (var i = 0; i < n; i++) values[at + i] = buffer[i] / 255f;
                at += n;
            }
            if (at != payloads[p].Length) throw new InvalidDataException("short read");
            sum += values[0];
        }
        var rd = clock.Elapsed.TotalMilliseconds;
        if (r < 2) continue; // warm-up
        write[c].Add(w);
        read[c].Add(rd);
        size[c] = encoded.Sum(e => (long)e.Length);
    }
}
static double Median(List<double> v) { v.Sort(); return v[v.Count / 2]; }
var raw = payloads.Sum(p => (long)p.Length);
Console.WriteLine($"{payloads.Length} patients, {raw / 1024.0:0} KiB of quantised maps, {repeats} interleaved repeats, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine("codec | write ms (median) | read ms (median) | size KiB | write vs today | read vs today");
for (var c = 0; c < codecs.Length; c++)
    Console.WriteLine($"{codecs[c].Name} | {Median(write[c]):0.0} | {Median(read[c]):0.0} | {size[c] / 1024.0:0.0} | {Median(write[c]) / Median(write[0]):0.00}x | {Median(read[c]) / Median(read[0]):0.00}x");

sealed class NonClosing(Stream inner) : Stream
{
    public override bool CanRead => false; public override bool CanSeek => false; public override bool CanWrite => true;
    public override long Length => inner.Length; public override long Position { get => inner.Position; set => inner.Position = value; }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] b, int o, int c) => throw new NotSupportedException();
    public override long Seek(long o, SeekOrigin s) => throw new NotSupportedException();
    public override void SetLength(long v) => throw new NotSupportedException();
    public override void Write(byte[] b, int o, int c) => inner.Write(b, o, c);
    public override void Write(ReadOnlySpan<byte> b) => inner.Write(b);
}
