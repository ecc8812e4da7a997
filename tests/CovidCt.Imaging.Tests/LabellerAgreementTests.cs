namespace CovidCt.Imaging.Tests;

/// <summary>
/// The imaging core's two ways of labelling 8-connected components, by runs (<see cref="RowRuns"/>, the lung fields and the
/// lesion matcher) and by thresholds (<see cref="NestedComponents"/>, the box detector and the sweep), must find the same
/// components with the same statistics in the same order.
/// </summary>
public sealed class LabellerAgreementTests
{
    private static readonly float[] Thresholds = [0.9f, 0.7f, 0.5f, 0.35f, 0.2f];

    [Fact]
    public void Both_labellers_find_the_same_components_on_random_maps_at_every_threshold()
    {
        var random = new Random(20200225);
        var nested = new NestedComponents();
        var runs = new RowRuns();
        for (var trial = 0; trial < 200; trial++)
        {
            var (width, height) = (random.Next(1, 40), random.Next(1, 30));
            var values = RandomMap(random, width, height);
            nested.Find(values, width, height, 0, width, 0, height, includes: null, Thresholds);
            for (var level = 0; level < Thresholds.Length; level++)
            {
                var expected = ByRuns(runs, values, width, height, Thresholds[level]);
                Assert.Equal(expected, nested.At(level).ToArray());
            }
        }
    }

    // Sparse blobs of high values over low noise, a few pixels exactly on a threshold, and NaN (never a component).
    private static float[] RandomMap(Random random, int width, int height)
    {
        var values = new float[width * height];
        for (var i = 0; i < values.Length; i++) values[i] = (float)(random.NextDouble() * 0.4);
        for (var blob = random.Next(0, 6); blob > 0; blob--)
        {
            var (cx, cy, r) = (random.Next(width), random.Next(height), random.Next(1, 6));
            for (var y = Math.Max(0, cy - r); y < Math.Min(height, cy + r + 1); y++)
            {
                for (var x = Math.Max(0, cx - r); x < Math.Min(width, cx + r + 1); x++)
                {
                    if (random.NextDouble() < 0.8) values[y * width + x] = (float)(0.2 + random.NextDouble() * 0.8);
                }
            }
        }
        for (var i = random.Next(0, 4); i > 0; i--) values[random.Next(values.Length)] = Thresholds[random.Next(Thresholds.Length)];
        if (random.NextDouble() < 0.3) values[random.Next(values.Length)] = float.NaN;
        return values;
    }

    // The run labeller on {p >= t}, each component's statistics read from the pixels it paints, in order of its root run.
    private static ComponentSummary[] ByRuns(RowRuns runs, float[] values, int width, int height, float threshold)
    {
        var below = Array.ConvertAll(values, v => v >= threshold ? 0f : 1f);
        runs.SetBelow(below, width, height, 1, 0.5f);
        runs.Label(Connectivity.Eight);
        var result = new List<ComponentSummary>();
        var paint = new byte[values.Length];
        for (var root = 0; root < runs.Count; root++)
        {
            if (runs.Root(root) != root) continue;
            var selected = Enumerable.Range(0, runs.Count).Select(r => runs.Root(r) == root).ToArray();
            Array.Clear(paint);
            runs.Paint(paint, selected);
            var pixels = Enumerable.Range(0, paint.Length).Where(i => paint[i] != 0).ToArray();
            var (xs, ys) = (pixels.Select(i => i % width).ToArray(), pixels.Select(i => i / width).ToArray());
            result.Add(new ComponentSummary(pixels.Length, xs.Min(), ys.Min(), xs.Max(), ys.Max(), xs.Sum(), ys.Sum(),
                pixels.Max(i => values[i]), pixels.Sum(i => (double)values[i])));
        }
        return [.. result];
    }
}
