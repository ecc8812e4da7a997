using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Benchmarks;

/// <summary>
/// Probability maps like a lesion model's, quantised as the cache stores them: near-zero background with sparse noise and
/// 0-4 smooth lesions of various sizes and peaks. A pool is generated once and cycled so generation is not measured.
/// </summary>
internal static class SyntheticMaps
{
    public static ProbabilityMap[] Pool(int count, int size, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Map(random, size)).ToArray();
    }

    public static ProbabilityMap Map(Random random, int size)
    {
        var values = new float[size * size];
        for (var i = 0; i < values.Length / 200; i++) values[random.Next(values.Length)] = (float)random.NextDouble() * 0.6f;
        for (var lesion = random.Next(0, 5); lesion > 0; lesion--)
        {
            var (cx, cy) = (random.Next(size / 5, size * 4 / 5), random.Next(size / 5, size * 4 / 5));
            var radius = 2 + random.NextDouble() * size / 16;
            var peak = 0.35 + 0.65 * random.NextDouble();
            var r = (int)Math.Ceiling(radius);
            for (var y = Math.Max(0, cy - r); y < Math.Min(size, cy + r); y++)
            {
                for (var x = Math.Max(0, cx - r); x < Math.Min(size, cx + r); x++)
                {
                    var d = Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) / radius;
                    if (d < 1) values[y * size + x] = Math.Max(values[y * size + x], (float)(peak * (1 - d * d)));
                }
            }
        }
        for (var i = 0; i < values.Length; i++) values[i] = MathF.Round(values[i] * 255) / 255;
        return new ProbabilityMap(size, size, values);
    }

    /// <summary>
    /// The worst case for post-processing: <paramref name="map"/> lifted to 0.6-1.0 (quantised as the cache stores maps), so
    /// nearly every pixel is at or above the study's threshold and one component covers the slice.
    /// </summary>
    public static ProbabilityMap Everywhere(ProbabilityMap map) =>
        new(map.Width, map.Height, [.. map.Values.Select(v => MathF.Round((0.6f + 0.4f * v) * 255) / 255)]);

    /// <summary>A lung-field rectangle of about the size the HU segmentation finds on a chest slice.</summary>
    public static ValidArea Lungs(int size)
    {
        var mask = new byte[size * size];
        for (var y = size / 5; y < size * 4 / 5; y++) mask.AsSpan(y * size + size / 8, size * 3 / 4).Fill(1);
        return new ValidArea(size, size, mask);
    }
}
