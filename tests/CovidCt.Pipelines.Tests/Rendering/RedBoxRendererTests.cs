using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Rendering;
using SkiaSharp;

namespace CovidCt.Pipelines.Tests.Rendering;

public sealed class RedBoxRendererTests
{
    [Fact]
    public void Draws_the_lung_window_a_red_box_and_a_green_truth_outline()
    {
        const int size = 32;
        var hu = Enumerable.Repeat(-700f, size * size).ToArray(); // mid-grey in the lung window
        var truth = new byte[size * size];
        for (var y = 20; y < 26; y++) for (var x = 20; x < 26; x++) truth[y * size + x] = 1;
        var box = new LesionBox(new ImageRectangle(4, 4, 12, 12), 8, 8, 30, null, 0.9, 0.8, Quadrant.UpperLeft);
        var png = RedBoxRenderer.Render(hu, size, size, [box], truth, new RedBoxOptions { LineWidth = 1 });

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((size, size), (bitmap.Width, bitmap.Height));
        Assert.Equal(new SKColor(128, 128, 128), bitmap.GetPixel(0, 0));
        var edge = bitmap.GetPixel(8, 4);
        Assert.True(edge.Red > 200 && edge.Green < 60 && edge.Blue < 60, $"box edge is {edge}");
        Assert.Equal(new SKColor(128, 128, 128), bitmap.GetPixel(8, 8));
        Assert.Equal(new SKColor(0, 255, 0), bitmap.GetPixel(20, 22));
        Assert.Equal(new SKColor(128, 128, 128), bitmap.GetPixel(22, 22));
    }

    [Fact]
    public void A_truth_mask_of_another_size_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => RedBoxRenderer.Render(new float[16], 4, 4, [], new byte[9]));
        Assert.Contains("truth mask has 9 pixels", error.Message);
    }
}
