using CovidCt.Data;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Tests.Preprocessing;

/// <summary>
/// Issue #14 item 4 (the invariance suite's padded and cropped-to-chest forms): the same chest with another border of air gives
/// the model the same input, and the same boxes in each form's own pixels.
/// </summary>
public sealed class BodyFramingTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    // The 64 x 64 phantom chest (body at columns and rows 2..61) at (left, top) in a field of air, with a lesion upper left.
    private static (float[] Hu, int Width, int Height) Form(int left, int top, int right, int bottom)
    {
        var (width, height) = (Phantom.Size + left + right, Phantom.Size + top + bottom);
        var hu = new float[width * height];
        Array.Fill(hu, -1000f);
        var chest = Phantom.Slice(Phantom.Padding, Phantom.UpperLeft);
        for (var y = 0; y < Phantom.Size; y++)
        {
            var row = y + top;
            if (row < 0 || row >= height) continue;
            for (var x = 0; x < Phantom.Size; x++)
            {
                var column = x + left;
                if (column >= 0 && column < width) hu[row * width + column] = chest[y * Phantom.Size + x];
            }
        }
        return (hu, width, height);
    }

    // The field-of-view form, an asymmetric air border around it (padded), and a crop to the body with a 6 pixel margin.
    public static TheoryData<int, int, int, int> Forms => new()
    {
        { 30, 30, 30, 30 },
        { 51, 33, 9, 80 },
        { 4, 4, 4, 4 },
    };

    private static float[] Input(ImagePreprocessing preprocessing, (float[] Hu, int Width, int Height) form)
    {
        var frame = preprocessing.FrameOf([form.Hu], form.Width, form.Height);
        var input = new float[preprocessing.ImageLength];
        float[]? scratch = null;
        preprocessing.Apply(form.Hu, frame, input, ref scratch);
        return input;
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_padded_or_cropped_chest_gives_the_model_the_same_input(int left, int top, int right, int bottom)
    {
        var preprocessing = new ImagePreprocessing(1200, -700, 32, 32, TensorLayout.Nchw, 1);
        var reference = Input(preprocessing, Form(30, 30, 30, 30));

        var input = Input(preprocessing, Form(left, top, right, bottom));

        // The frame is cut from the slice in whole pixels and air fills the rest, so the inputs agree to the last bit.
        Assert.Equal(reference, input);
    }

    [Fact]
    public void Framing_on_the_whole_image_gives_a_cropped_chest_another_scale()
    {
        var preprocessing = new ImagePreprocessing(1200, -700, 32, 32, TensorLayout.Nchw, 1) { Framing = SliceFraming.Image };

        Assert.NotEqual(Input(preprocessing, Form(30, 30, 30, 30)), Input(preprocessing, Form(4, 4, 4, 4)));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_padded_or_cropped_chest_gives_the_same_boxes_in_its_own_pixels(int left, int top, int right, int bottom)
    {
        using var pipeline = new DetectionPipeline(_models.Lesion(32));
        var reference = Boxes(pipeline, Form(30, 30, 30, 30));

        var boxes = Boxes(pipeline, Form(left, top, right, bottom));

        Assert.NotEmpty(reference);
        Assert.Equal(reference.Count, boxes.Count);
        var (dx, dy) = (left - 30, top - 30);
        for (var i = 0; i < boxes.Count; i++)
        {
            var (expected, actual) = (reference[i], boxes[i]);
            Assert.Equal(new ImageRectangle(expected.Bounds.Left + dx, expected.Bounds.Top + dy, expected.Bounds.Right + dx, expected.Bounds.Bottom + dy), actual.Bounds);
            Assert.Equal((expected.Pixels, expected.MaxProbability, expected.Quadrants), (actual.Pixels, actual.MaxProbability, actual.Quadrants));
            Assert.Equal(expected.CentroidX + dx, actual.CentroidX, 9);
            Assert.Equal(expected.CentroidY + dy, actual.CentroidY, 9);
        }
    }

    private static IReadOnlyList<LesionBox> Boxes(DetectionPipeline pipeline, (float[] Hu, int Width, int Height) form) =>
        pipeline.Run("chest", new CtVolume(VolumeGeometry.Axial(form.Width, form.Height, 1, 0.7, 2.5), form.Hu, "phantom")).Slices[0].Detection.Boxes;

    [Fact]
    public void The_cache_key_names_the_framing()
    {
        var body = new ImagePreprocessing(1200, -700, 32, 32, TensorLayout.Nchw, 1);
        var image = body with { Framing = SliceFraming.Image };

        var bodyKey = new ProbabilityCacheKey("ab", "cd", body, "p");
        var imageKey = new ProbabilityCacheKey("ab", "cd", image, "p");

        Assert.Contains("frame=body>-500HU@", bodyKey.Description, StringComparison.Ordinal);
        Assert.Contains("frame=image", imageKey.Description, StringComparison.Ordinal);
        Assert.NotEqual(bodyKey.Hash, imageKey.Hash);
    }
}
