using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.PostProcessing;

public sealed class ValidAreaModelTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void A_segmentation_model_gives_the_lung_rectangle_at_the_original_resolution()
    {
        using var model = new ValidAreaModel(_models.Lung(32));
        var area = Assert.Single(model.Segment([Phantom.Slice()], Phantom.Size, Phantom.Size, "phantom"));
        Assert.Equal(new ImageRectangle(8, 20, 56, 56), area.Bounds);
        Assert.Equal(2 * 20 * 36, area.PixelCount);
    }

    [Fact]
    public void Map_pixels_are_taken_under_each_original_pixel_centre()
    {
        var map = new ProbabilityMap(2, 2, [0.9f, 0.1f, 0.5f, 0.49f]);
        var area = ValidAreaModel.FromProbability(map, 4, 4, 0.5, "test", 0);
        Assert.Equal(new byte[] { 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0 }, area.Mask);
    }

    [Fact]
    public void The_pipeline_uses_the_segmentation_model_when_one_is_named()
    {
        var ul = Phantom.UpperLeft;
        var volume = Phantom.Volume([ul], [ul], [ul]);
        var withLungModel = new PipelineOptions { ValidArea = { SegmentationModelPath = _models.Lung(32) } };
        using (var pipeline = new DetectionPipeline(_models.Lesion(32), withLungModel))
        {
            var result = pipeline.Run("P1", volume);
            Assert.True(result.Decision.IsPositive);
            Assert.Equal(new ImageRectangle(8, 20, 56, 56), result.Slices[0].ValidArea);
        }
        var withSilentModel = new PipelineOptions { ValidArea = { SegmentationModelPath = _models.Silent(32) } };
        using (var pipeline = new DetectionPipeline(_models.Lesion(32), withSilentModel))
        {
            var result = pipeline.Run("P1", volume);
            Assert.False(result.Decision.IsPositive);
            Assert.All(result.Slices, s => Assert.Null(s.ValidArea));
        }
    }
}
