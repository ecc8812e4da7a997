using CovidCt.Data;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Reporting.Tests.Explorer;

/// <summary>
/// A seeded sweep over synthetic patients: each slice has a few square lesions of random size and peak probability in random
/// quadrants, so thresholds, minimum sizes, k and the quadrant rule all change the tables.
/// </summary>
internal static class SyntheticSweep
{
    public static readonly SweepGrid Grid = new([0.3, 0.5, 0.7], [0, 25, 60], [1, 3, 5], [true, false]);

    public static SweepResult Result(int patients = 16, int seed = 18)
    {
        var random = new Random(seed);
        var sweep = new PostProcessingSweep(Grid);
        for (var p = 0; p < patients; p++)
        {
            var covid = p % 2 == 0;
            var depth = 8;
            var geometry = new VolumeGeometry(Size, Size, depth, 0.7, 0.7, Enumerable.Range(0, depth).Select(z => z * 2.5).ToArray(), 2.5,
                new Vector3D(1, 0, 0), new Vector3D(0, 1, 0), new Vector3D(0, 0, 0));
            var truth = new bool?[depth];
            var maps = new ProbabilityMap[depth];
            for (var z = 0; z < depth; z++)
            {
                truth[z] = covid && random.Next(3) > 0;
                maps[z] = Map(random, truth[z] == true ? 3 : random.Next(2));
            }
            var areas = Enumerable.Range(0, depth).Select(_ => new ValidArea(Size, Size, Enumerable.Repeat((byte)1, Size * Size).ToArray())).ToArray();
            sweep.Add($"P{p}", "synthetic", geometry, maps, areas, covid, truth);
        }
        return sweep.Result();
    }

    private const int Size = 32;

    private static ProbabilityMap Map(Random random, int lesions)
    {
        var values = new float[Size * Size];
        for (var l = 0; l < lesions; l++)
        {
            var side = random.Next(3, 11);
            var (x0, y0) = (random.Next(Size - side), random.Next(Size - side));
            var peak = (float)Math.Round(0.2 + 0.75 * random.NextDouble(), 2);
            for (var y = y0; y < y0 + side; y++) for (var x = x0; x < x0 + side; x++) values[y * Size + x] = peak;
        }
        return new ProbabilityMap(Size, Size, values);
    }
}
