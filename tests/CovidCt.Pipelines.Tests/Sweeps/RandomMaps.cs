using CovidCt.Data;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.Sweeps;

/// <summary>Seeded random patients for sweep properties: blobby probability maps (lesions of every size near every threshold) and lung rectangles.</summary>
internal static class RandomMaps
{
    public static ProbabilityMap Map(Random random, int width, int height)
    {
        var values = new float[width * height];
        for (var blob = random.Next(0, 7); blob > 0; blob--)
        {
            var (cx, cy) = (random.Next(width), random.Next(height));
            var radius = 1 + random.NextDouble() * width / 4;
            var peak = (float)(0.2 + 0.8 * random.NextDouble());
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var d = Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) / radius;
                    if (d < 1) values[y * width + x] = Math.Max(values[y * width + x], peak * (float)(1 - d * d));
                }
            }
        }
        // Quantised like the cache, so values sit exactly on the thresholds too.
        for (var i = 0; i < values.Length; i++) values[i] = MathF.Round(values[i] * 20) / 20;
        return new ProbabilityMap(width, height, values);
    }

    /// <summary>A lung-field mask: one or two random rectangles, sometimes none.</summary>
    public static ValidArea Area(Random random, int width, int height)
    {
        var mask = new byte[width * height];
        for (var r = random.Next(0, 3); r > 0; r--)
        {
            var (x0, y0) = (random.Next(width), random.Next(height));
            var (x1, y1) = (random.Next(x0, width + 1), random.Next(y0, height + 1));
            for (var y = y0; y < y1; y++) for (var x = x0; x < x1; x++) mask[y * width + x] = 1;
        }
        return new ValidArea(width, height, mask);
    }

    /// <summary>A patient of random depth with positions in shuffled order (the rule must sort them), maps and areas at slice size (as post-processing receives them).</summary>
    public static (VolumeGeometry Geometry, ProbabilityMap[] Maps, ValidArea[] Areas, bool?[] Truth) Patient(Random random, int sliceSize)
    {
        var depth = random.Next(1, 12);
        var positions = Enumerable.Range(0, depth).Select(z => z * 2.5).OrderBy(_ => random.Next()).ToArray();
        var geometry = new VolumeGeometry(sliceSize, sliceSize, depth, 0.7, 0.7, positions, 2.5, new Vector3D(1, 0, 0), new Vector3D(0, 1, 0), new Vector3D(0, 0, 0));
        var maps = Enumerable.Range(0, depth).Select(_ => Map(random, sliceSize, sliceSize)).ToArray();
        var areas = Enumerable.Range(0, depth).Select(_ => Area(random, sliceSize, sliceSize)).ToArray();
        var truth = Enumerable.Range(0, depth).Select(_ => random.Next(5) switch { 0 => (bool?)null, 1 or 2 => true, _ => false }).ToArray();
        return (geometry, maps, areas, truth);
    }
}
