using CovidCt.Imaging;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;
using CovidCt.Testing.Oracles;

namespace CovidCt.Pipelines.Tests.Sweeps;

public sealed class NestedComponentsTests
{
    private static readonly float[] Thresholds = [0.8f, 0.65f, 0.5f, 0.35f, 0.3f];

    // The reference: one scanline labelling of {p >= t} per threshold, then the statistics of each label.
    private static List<ComponentSummary> Labelled(ProbabilityMap map, ValidArea area, ValidAreaRegion region, float threshold)
    {
        var mask = new byte[map.Values.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            var (x, y) = (i % map.Width, i / map.Width);
            if (map.Values[i] >= threshold && area.Includes(region, x + 0.5, y + 0.5)) mask[i] = 1;
        }
        var labels = new int[mask.Length];
        var count = new ConnectedComponents().Label(mask, map.Width, map.Height, labels, Connectivity.Eight);
        var result = new List<ComponentSummary>();
        for (var c = 1; c <= count; c++)
        {
            var pixels = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToArray();
            var xs = pixels.Select(i => i % map.Width).ToArray();
            var ys = pixels.Select(i => i / map.Width).ToArray();
            result.Add(new ComponentSummary(pixels.Length, xs.Min(), ys.Min(), xs.Max(), ys.Max(), xs.Sum(), ys.Sum(),
                pixels.Max(i => map.Values[i]), pixels.Sum(i => (double)map.Values[i])));
        }
        return result;
    }

    [Theory]
    [InlineData(ValidAreaRegion.WholeImage)]
    [InlineData(ValidAreaRegion.Rectangle)]
    [InlineData(ValidAreaRegion.Mask)]
    public void Every_level_holds_exactly_the_components_one_labelling_per_threshold_finds(ValidAreaRegion region)
    {
        var random = new Random(7 + (int)region);
        var finder = new NestedComponents();
        for (var trial = 0; trial < 60; trial++)
        {
            var map = RandomMaps.Map(random, 24, 20);
            var area = RandomMaps.Area(random, 24, 20);
            finder.Find(map, area, region, Thresholds);
            Assert.Equal(Thresholds.Length, finder.LevelCount);
            for (var level = 0; level < Thresholds.Length; level++)
            {
                var expected = Labelled(map, area, region, Thresholds[level]);
                var actual = finder.At(level).ToArray();
                Assert.Equal(expected.Count, actual.Length);
                for (var c = 0; c < expected.Count; c++)
                {
                    Assert.Equal(expected[c] with { SumProbability = 0 }, actual[c] with { SumProbability = 0 });
                    Assert.Equal(expected[c].SumProbability, actual[c].SumProbability, 9);
                }
            }
        }
    }

    [Fact]
    public void A_pixel_on_a_threshold_belongs_to_that_level_and_NaN_to_none()
    {
        var values = new float[16];
        values[5] = 0.5f;
        values[6] = 0.8f;
        values[10] = float.NaN;
        var finder = new NestedComponents();
        finder.Find(new ProbabilityMap(4, 4, values), ValidArea.WholeImage(4, 4), ValidAreaRegion.WholeImage, [0.8f, 0.5f]);
        Assert.Equal(1, Assert.Single(finder.At(0).ToArray()).Pixels);
        var merged = Assert.Single(finder.At(1).ToArray());
        Assert.Equal(2, merged.Pixels);
        Assert.Equal(0.8f, merged.MaxProbability, 6);
    }

    [Theory]
    [InlineData(new float[0])]
    [InlineData(new[] { 0.5f, 0.5f })]
    [InlineData(new[] { 0.3f, 0.5f })]
    [InlineData(new[] { 0f })]
    [InlineData(new[] { 1.5f })]
    public void Thresholds_must_be_strictly_descending_and_in_the_unit_interval(float[] thresholds)
    {
        var map = new ProbabilityMap(2, 2, new float[4]);
        Assert.Throws<ArgumentException>(() => new NestedComponents().Find(map, ValidArea.WholeImage(2, 2), ValidAreaRegion.WholeImage, thresholds));
    }
}
