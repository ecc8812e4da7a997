using System.IO.Compression;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Evaluation;
using Microsoft.ML;

namespace CovidCt.Benchmarks;

/// <summary>
/// Issue 20, "faster cache compression": the probability-map cache's zlib level chosen by numbers. The cohort is scored once
/// into a fresh cache; every patient's file body (what the cache compresses) is then compressed at each level and inflated
/// again, levels interleaved, and the sizes, write and read times printed side by side.
/// </summary>
internal static class CacheBenchmark
{
    private static readonly CompressionLevel[] Levels = [CompressionLevel.NoCompression, CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.SmallestSize];

    public static void Run(TextWriter output, string model, CohortManifest manifest, CohortSplit? split, int repeats)
    {
        var root = Path.Combine(Path.GetTempPath(), "covidct-bench-cache", Guid.NewGuid().ToString("N"));
        try
        {
            using (var detection = new CohortDetection(new MLContext(), model, new PipelineOptions(), new ProbabilityCacheOptions(root, CohortFingerprint.Compute(manifest))))
            {
                detection.Run(manifest, split);
            }
            var bodies = Directory.GetFiles(root, "*.pmap", SearchOption.AllDirectories).Select(Inflate).ToArray();
            output.WriteLine($"Cache compression: {bodies.Length} patients' probability maps ({bodies.Sum(b => b.Length) / 1024.0:0} KiB raw), every level on the same bytes, interleaved, {repeats} repeats:");
            var write = Levels.ToDictionary(l => l, _ => new List<double>());
            var read = Levels.ToDictionary(l => l, _ => new List<double>());
            var sizes = new Dictionary<CompressionLevel, long>();
            var random = new Random(20);
            for (var r = 0; r < repeats; r++)
            {
                foreach (var level in Levels.OrderBy(_ => random.Next()))
                {
                    byte[][] files = [];
                    write[level].Add(Measure.Seconds(() => files = bodies.Select(b => Deflate(b, level)).ToArray()));
                    read[level].Add(Measure.Seconds(() => { foreach (var file in files) Inflate(file); }));
                    sizes[level] = files.Sum(f => (long)f.Length);
                }
            }
            foreach (var level in Levels)
            {
                output.WriteLine($"  {level,-13} {sizes[level] / 1024.0,8:0.0} KiB  write {new Timing([.. write[level]])}  read {new Timing([.. read[level]])}");
            }
            Quantisation(output, bodies, repeats);
        }
        finally
        {
            var folder = Path.Combine(Path.GetTempPath(), "covidct-bench-cache");
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    // The cache's 8-bit levels both ways, per pixel as before issue #20's third session against ProbabilityQuantisation, on the same
    // bytes (every file body read as levels), interleaved; both must give the same floats and bytes.
    private static void Quantisation(TextWriter output, byte[][] bodies, int repeats)
    {
        var levels = Enumerable.Range(0, 256).Select(k => k / 255f).ToArray();
        float[][] OldRead() => bodies.Select(b =>
        {
            var values = new float[b.Length];
            for (var p = 0; p < b.Length; p++) values[p] = levels[b[p]];
            return values;
        }).ToArray();
        float[][] NewRead() => bodies.Select(b => ProbabilityQuantisation.Dequantise(b)).ToArray();
        var maps = NewRead();
        byte[][] OldWrite() => maps.Select(m =>
        {
            var bytes = new byte[m.Length];
            for (var i = 0; i < m.Length; i++)
            {
                var v = m[i];
                if (float.IsNaN(v)) throw new ArgumentException($"value {i} is NaN");
                bytes[i] = v <= 0 ? (byte)0 : v >= 1 ? (byte)255 : (byte)MathF.Round(v * 255f, MidpointRounding.AwayFromZero);
            }
            return bytes;
        }).ToArray();
        byte[][] NewWrite() => maps.Select(m => ProbabilityQuantisation.Quantise(m, "map")).ToArray();
        var same = OldRead().Zip(maps).All(p => p.First.AsSpan().SequenceEqual(p.Second)) && OldWrite().Zip(NewWrite()).All(p => p.First.AsSpan().SequenceEqual(p.Second));
        var times = new Dictionary<string, List<double>> { ["read per pixel"] = [], ["read 32 at a time"] = [], ["write per pixel"] = [], ["write 32 at a time"] = [] };
        for (var r = 0; r < repeats; r++)
        {
            times["read per pixel"].Add(Measure.Seconds(() => OldRead()));
            times["read 32 at a time"].Add(Measure.Seconds(() => NewRead()));
            times["write per pixel"].Add(Measure.Seconds(() => OldWrite()));
            times["write 32 at a time"].Add(Measure.Seconds(() => NewWrite()));
        }
        output.WriteLine($"  8-bit levels, {bodies.Sum(b => b.Length) / 1024.0:0} KiB, same floats and bytes both ways: {(same ? "yes" : "NO")}");
        foreach (var (name, list) in times) output.WriteLine($"    {name,-19} {new Timing([.. list])}");
    }

    private static byte[] Inflate(string path) => Inflate(File.ReadAllBytes(path));

    private static byte[] Inflate(byte[] file)
    {
        using var zlib = new ZLibStream(new MemoryStream(file), CompressionMode.Decompress);
        using var body = new MemoryStream();
        zlib.CopyTo(body);
        return body.ToArray();
    }

    private static byte[] Deflate(byte[] body, CompressionLevel level)
    {
        using var file = new MemoryStream();
        using (var zlib = new ZLibStream(file, level, leaveOpen: true)) zlib.Write(body);
        return file.ToArray();
    }
}
