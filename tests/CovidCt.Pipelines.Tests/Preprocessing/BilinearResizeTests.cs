using CovidCt.Imaging;

namespace CovidCt.Pipelines.Tests.Preprocessing;

public sealed class BilinearResizeTests
{
    [Fact]
    public void An_exact_factor_two_downscale_is_the_mean_of_each_two_by_two_block()
    {
        float[] source =
        [
            1, 3, 5, 7,
            5, 7, 9, 11,
            0, 0, 2, 2,
            4, 4, 2, 6,
        ];
        var result = new float[4];
        BilinearResize.Resize(source, 4, 4, result, 2, 2);
        Assert.Equal([4f, 8f, 2f, 3f], result);
    }

    [Fact]
    public void Upscaling_uses_half_pixel_centres_and_clamps_at_the_edges_as_pytorch_does()
    {
        // torch.nn.functional.interpolate(torch.tensor([[[[0.,1.]]]]), size=(1,4), mode="bilinear", align_corners=False)
        var result = new float[4];
        BilinearResize.Resize([0f, 1f], 2, 1, result, 4, 1);
        Assert.Equal([0f, 0.25f, 0.75f, 1f], result);
    }

    [Fact]
    public void Equal_sizes_copy_the_source()
    {
        float[] source = [1, 2, 3, 4, 5, 6];
        var result = new float[6];
        BilinearResize.Resize(source, 3, 2, result, 3, 2);
        Assert.Equal(source, result);
    }
}
