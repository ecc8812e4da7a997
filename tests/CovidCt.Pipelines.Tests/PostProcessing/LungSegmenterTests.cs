using CovidCt.Pipelines.PostProcessing;
using CovidCt.Testing.Oracles;
using FsCheck;
using FsCheck.Fluent;

namespace CovidCt.Pipelines.Tests.PostProcessing;

public sealed class LungSegmenterTests
{
    private static readonly ImageRectangle LungRectangle = new(8, 20, 56, 56);

    [Theory]
    [InlineData(-2048f)]
    [InlineData(-3024f)]
    [InlineData(-1000f)]
    public void Finds_both_lungs_whatever_lies_outside_the_body(float outside)
    {
        var area = new LungSegmenter().Segment(Phantom.Slice(outside), Phantom.Size, Phantom.Size, new ValidAreaOptions());
        Assert.Equal(LungRectangle, area.Bounds);
        Assert.Equal(2 * 20 * 36, area.PixelCount);
    }

    [Fact]
    public void Lesions_and_vessels_inside_a_lung_are_filled_in()
    {
        var hu = Phantom.Slice(Phantom.Padding);
        for (var y = 30; y < 36; y++) for (var x = 14; x < 20; x++) hu[y * Phantom.Size + x] = 60; // a dense nodule
        var area = new LungSegmenter().Segment(hu, Phantom.Size, Phantom.Size, new ValidAreaOptions { ClosingRadius = 0 });
        Assert.Equal(1, area.Mask[32 * Phantom.Size + 16]);
        Assert.Equal(2 * 20 * 36, area.PixelCount);
    }

    [Fact]
    public void An_air_pocket_smaller_than_the_lungs_is_not_valid_area()
    {
        var area = new LungSegmenter().Segment(Phantom.Slice(Phantom.Padding, Phantom.OutsideLungs), Phantom.Size, Phantom.Size, new ValidAreaOptions());
        Assert.Equal(LungRectangle, area.Bounds);
        Assert.Equal(0, area.Mask[8 * Phantom.Size + 30]);
    }

    [Fact]
    public void A_slice_without_lungs_has_no_valid_area()
    {
        var hu = Enumerable.Repeat(40f, 32 * 32).ToArray();
        var area = new LungSegmenter().Segment(hu, 32, 32, new ValidAreaOptions());
        Assert.Null(area.Bounds);
        Assert.Equal(0, area.PixelCount);
    }

    [Fact]
    public void Whole_image_region_skips_the_segmentation()
    {
        var area = new LungSegmenter().Segment(new float[16], 4, 4, new ValidAreaOptions { Region = ValidAreaRegion.WholeImage });
        Assert.Equal(new ImageRectangle(0, 0, 4, 4), area.Bounds);
    }

    [Fact]
    public void Equals_the_pixel_by_pixel_reference_on_random_slices()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var (hu, width, height) = RandomSlice(random);
            var options = new ValidAreaOptions
            {
                LungComponents = random.Next(1, 4),
                MinLungFraction = random.NextDouble() * 0.02,
                ClosingRadius = random.Next(0, 4),
                BorderLungInsideBody = random.Next(3) == 0 ? 0 : random.NextDouble(),
            };
            var minimum = Math.Max(1, (int)(options.MinLungFraction * width * height));
            var expected = ReferenceSegmentation.Lungs(hu, width, height, (float)options.AirThresholdHu, options.LungComponents, minimum, options.ClosingRadius,
                options.BorderLungInsideBody);
            var area = new LungSegmenter().Segment(hu, width, height, options);
            // Bounds first: they may have been found without drawing the mask.
            return area.Bounds == new ValidArea(width, height, expected).Bounds && area.Mask.SequenceEqual(expected)
                && area.PixelCount == expected.Count(v => v != 0);
        }).QuickCheckThrowOnFailure();
    }

    // Tissue with air boxes (lungs, bowel gas, outside air when they reach the border), tissue boxes inside them
    // (vessels, lesions), salt-and-pepper pixels, a few NaN, and rows long enough for the vectorised scans.
    private static (float[] Hu, int Width, int Height) RandomSlice(Random random)
    {
        int width = random.Next(1, 90), height = random.Next(1, 40);
        var hu = Enumerable.Repeat(40f, width * height).ToArray();
        for (var box = random.Next(0, 8); box > 0; box--)
        {
            int x0 = random.Next(width), y0 = random.Next(height);
            int x1 = Math.Min(width, x0 + random.Next(1, 40)), y1 = Math.Min(height, y0 + random.Next(1, 20));
            var value = random.NextDouble() < 0.7 ? -850f : 60f;
            for (var y = y0; y < y1; y++) for (var x = x0; x < x1; x++) hu[y * width + x] = value;
        }
        for (var i = 0; i < hu.Length; i++)
        {
            var u = random.NextDouble();
            if (u < 0.05) hu[i] = -900;
            else if (u < 0.10) hu[i] = 100;
            else if (u < 0.11) hu[i] = float.NaN;
        }
        return (hu, width, height);
    }
}
