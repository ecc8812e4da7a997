using CovidCt.Imaging;
using CovidCt.Testing.Oracles;
using FsCheck;
using FsCheck.Fluent;

namespace CovidCt.Pipelines.Tests.PostProcessing;

public sealed class MorphologyTests
{
    [Fact]
    public void Closing_bridges_a_gap_narrower_than_the_square_and_keeps_a_wider_one()
    {
        // Two bars 2 pixels apart close with radius 1; bars 4 pixels apart stay apart.
        var mask = new byte[12 * 5];
        for (var y = 0; y < 5; y++) { mask[y * 12 + 3] = 1; mask[y * 12 + 6] = 1; mask[y * 12 + 11] = 1; }
        Morphology.Close(mask, 12, 5, 1);
        Assert.Equal(1, mask[2 * 12 + 4]);
        Assert.Equal(1, mask[2 * 12 + 5]);
        Assert.Equal(0, mask[2 * 12 + 8]);
    }

    [Fact]
    public void Closing_matches_a_brute_force_dilation_then_erosion()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            int width = random.Next(1, 80), height = random.Next(1, 16), radius = random.Next(1, 4); // rows wider than a vector too
            var mask = Enumerable.Range(0, width * height).Select(_ => random.NextDouble() < 0.4 ? (byte)1 : (byte)0).ToArray();
            var expected = ReferenceSegmentation.Close(mask, width, height, radius);
            var actual = (byte[])mask.Clone();
            Morphology.Close(actual, width, height, radius);
            return actual.SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
    }
}
