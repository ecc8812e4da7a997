using CovidCt.Data;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Tests.PostProcessing;

/// <summary>Issue #14, geometry: slices keep their aspect ratio, and post-processing counts at the slice's own resolution.</summary>
public sealed class SliceResolutionTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    private static CtVolume Volume(float[] hu, int width, int height) => new(VolumeGeometry.Axial(width, height, 1, 0.7, 2.5), hu, "phantom");

    [Fact]
    public void A_non_square_slice_gives_the_boxes_of_the_same_slice_padded_to_a_square_with_air()
    {
        // Rows 4..59 of the phantom: a 64 x 56 slice. Padded with 4 rows of air above and below, it is a 64 x 64 square.
        var full = Phantom.Slice(Phantom.Padding, Phantom.UpperLeft, Phantom.LowerRight);
        var cropped = full.AsSpan(4 * 64, 56 * 64).ToArray();
        var padded = new float[64 * 64];
        padded.AsSpan().Fill(-1000);
        cropped.CopyTo(padded, 4 * 64);

        using var pipeline = new DetectionPipeline(_models.Lesion(32));
        var wide = pipeline.Run("wide", Volume(cropped, 64, 56)).Slices[0];
        var square = pipeline.Run("square", Volume(padded, 64, 64)).Slices[0];

        Assert.Equal(2, square.Detection.Boxes.Count);
        Assert.Equal(square.Detection.Boxes.Select(b => b with { Bounds = b.Bounds with { Top = b.Bounds.Top - 4, Bottom = b.Bounds.Bottom - 4 }, CentroidY = b.CentroidY - 4 }),
            wide.Detection.Boxes);
        Assert.Equal(square.Detection.Score, wide.Detection.Score, 6);
    }

    [Fact]
    public void Boxes_on_a_531_by_530_slice_are_whole_source_pixels()
    {
        const int width = 531, height = 530;
        // Lung everywhere (the band model fires on no blurred edge but the lesion's), searched as a whole image.
        var hu = new float[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++) hu[y * width + x] = y is >= 200 and < 241 && x is >= 101 and < 150 ? TestModels.LesionHu : -850;
        }
        using var pipeline = new DetectionPipeline(_models.Lesion(128), new PipelineOptions { ValidArea = { Region = ValidAreaRegion.WholeImage } });
        var box = Assert.Single(pipeline.Run("odd", Volume(hu, width, height)).Slices[0].Detection.Boxes);
        var b = box.Bounds;
        Assert.All(new[] { b.Left, b.Top, b.Right, b.Bottom }, v => Assert.Equal(Math.Round(v), v));
        // The 49 x 41 lesion at (101, 200), within the blur of two model pixels (about 8 slice pixels) on each side.
        Assert.InRange(b.Left, 93, 109);
        Assert.InRange(b.Right, 142, 158);
        Assert.InRange(b.Top, 192, 208);
        Assert.InRange(b.Bottom, 233, 249);
    }

    [Fact]
    public void More_than_25_pixels_is_counted_in_slice_pixels()
    {
        // A 6 x 6 lesion on a 64 x 64 slice is 3 x 3 = 9 pixels of the 32 x 32 model map (dropped if counted there) but 36 slice
        // pixels, as the study counted on its 512 x 512 slices: kept.
        var hu = Phantom.Slice();
        for (var y = 24; y < 30; y++) for (var x = 12; x < 18; x++) hu[y * 64 + x] = TestModels.LesionHu;
        // The whole slice fills the input (no body frame), so the 6 x 6 lesion is exactly 3 x 3 model pixels.
        using var pipeline = new DetectionPipeline(_models.Lesion(32), new PipelineOptions { Preprocessing = { Framing = SliceFraming.Image } });
        var box = Assert.Single(pipeline.Run("small", Volume(hu, 64, 64)).Slices[0].Detection.Boxes);
        Assert.Equal(36, box.Pixels);
        Assert.Equal(new ImageRectangle(12, 24, 18, 30), box.Bounds);
    }
}
