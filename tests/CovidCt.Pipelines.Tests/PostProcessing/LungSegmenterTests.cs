using CovidCt.Pipelines.PostProcessing;

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
}
