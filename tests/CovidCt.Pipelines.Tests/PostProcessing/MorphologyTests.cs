using CovidCt.Pipelines.PostProcessing;
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
            int width = random.Next(1, 16), height = random.Next(1, 16), radius = random.Next(1, 4);
            var mask = Enumerable.Range(0, width * height).Select(_ => random.NextDouble() < 0.4 ? (byte)1 : (byte)0).ToArray();
            var expected = BruteForce(BruteForce(mask, width, height, radius, dilate: true), width, height, radius, dilate: false);
            var actual = (byte[])mask.Clone();
            Morphology.Close(actual, width, height, radius);
            return actual.SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
    }

    // Outside the image counts as background for dilation and foreground for erosion.
    private static byte[] BruteForce(byte[] mask, int width, int height, int radius, bool dilate)
    {
        var result = new byte[mask.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var any = false;
                var all = true;
                for (var dy = -radius; dy <= radius; dy++)
                {
                    for (var dx = -radius; dx <= radius; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        var inside = nx >= 0 && ny >= 0 && nx < width && ny < height;
                        var value = inside ? mask[ny * width + nx] != 0 : !dilate;
                        any |= value;
                        all &= value;
                    }
                }
                result[y * width + x] = (dilate ? any : all) ? (byte)1 : (byte)0;
            }
        }
        return result;
    }
}
