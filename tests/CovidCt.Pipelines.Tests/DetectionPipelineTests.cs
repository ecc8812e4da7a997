using CovidCt.Data.IO;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Tests;

public sealed class DetectionPipelineTests : IDisposable
{
    private static readonly (int X, int Y)[] None = [];
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Three_consecutive_slices_with_a_lesion_in_one_quadrant_make_a_positive_patient()
    {
        // The whole 64 x 64 slice fills the 32 x 32 input (no body frame), so a slice pixel is exactly half a model pixel.
        using var pipeline = new DetectionPipeline(_models.Lesion(32), new PipelineOptions { Preprocessing = { Framing = SliceFraming.Image } });
        var ul = Phantom.UpperLeft;
        var result = pipeline.Run("P1", Phantom.Volume(None, [ul], [ul], [ul], None));
        Assert.True(result.Decision.IsPositive);
        Assert.Equal((Quadrant.UpperLeft, 1, 3), (result.Decision.Quadrant, result.Decision.FirstSlice, result.Decision.LastSlice));
        Assert.Equal(1.0, result.Decision.Score, 5);
        var box = Assert.Single(result.Slices[2].Detection.Boxes);
        // The 12 x 12 lesion at (10, 22) is counted on the 64 x 64 slice (the model's 32 x 32 map taken back to it): 144 pixels
        // in a box of whole pixels, not 6 x 6 = 36 model pixels.
        Assert.Equal(new ImageRectangle(10, 22, 22, 34), box.Bounds);
        Assert.Equal(144, box.Pixels);
        Assert.Equal(new ImageRectangle(8, 20, 56, 56), result.Slices[2].ValidArea);
        Assert.False(result.Slices[0].Detection.IsPositive);
    }

    [Fact]
    public void Two_consecutive_slices_or_three_in_different_quadrants_make_a_negative_patient()
    {
        using var pipeline = new DetectionPipeline(_models.Lesion(32));
        var ul = Phantom.UpperLeft;
        Assert.False(pipeline.Run("P2", Phantom.Volume(None, [ul], [ul], None)).Decision.IsPositive);
        var moving = pipeline.Run("P3", Phantom.Volume([ul], [Phantom.UpperRight], [Phantom.LowerRight]));
        Assert.False(moving.Decision.IsPositive);
        Assert.Equal(3, moving.Decision.PositiveSlices);
    }

    [Fact]
    public void A_lesion_outside_the_valid_area_is_dropped_unless_the_whole_image_is_searched()
    {
        var outside = Phantom.OutsideLungs;
        var volume = Phantom.Volume([outside], [outside], [outside]);
        using (var pipeline = new DetectionPipeline(_models.Lesion(32)))
        {
            var result = pipeline.Run("P4", volume);
            Assert.All(result.Slices, s => Assert.False(s.Detection.IsPositive));
        }
        var wholeImage = new PipelineOptions { ValidArea = { Region = ValidAreaRegion.WholeImage } };
        using (var pipeline = new DetectionPipeline(_models.Lesion(32), wholeImage))
        {
            Assert.True(pipeline.Run("P4", volume).Decision.IsPositive);
        }
    }

    [Fact]
    public void Nhwc_three_channel_and_nchw_one_channel_models_give_the_same_decisions()
    {
        var ul = Phantom.UpperLeft;
        var volume = Phantom.Volume(None, [ul], [ul, Phantom.LowerRight], [ul], [Phantom.LowerRight]);
        using var nchw = new DetectionPipeline(_models.Lesion(32));
        using var nhwc = new DetectionPipeline(_models.Lesion(32, TensorLayout.Nhwc, 3));
        var a = nchw.Run("P5", volume);
        var b = nhwc.Run("P5", volume);
        Assert.Equal(TensorLayout.Nhwc, nhwc.Scorer.Model.Layout);
        Assert.Equal(a.Decision, b.Decision);
        Assert.Equal(a.Slices.Select(s => s.Detection.Boxes.Select(x => (x.Bounds, x.Quadrants)).ToArray()),
                     b.Slices.Select(s => s.Detection.Boxes.Select(x => (x.Bounds, x.Quadrants)).ToArray()));
        Assert.Equal(new[] { false, true, true, true, true }, a.Slices.Select(s => s.Detection.IsPositive));
    }

    [Fact]
    public void Non_finite_model_output_names_patient_and_slice()
    {
        using var pipeline = new DetectionPipeline(_models.NotANumber(32));
        var error = Assert.Throws<InvalidInputException>(() => pipeline.Run("P6", Phantom.Volume(None, None)));
        Assert.Contains("patient 'P6', slice 0", error.Message);
        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public void A_volume_without_slices_is_invalid_input()
    {
        using var pipeline = new DetectionPipeline(_models.Lesion(32));
        var error = Assert.Throws<InvalidInputException>(() => pipeline.Run("P8", Phantom.Volume()));
        Assert.Contains("patient 'P8' has no slices", error.Message);
    }
}
