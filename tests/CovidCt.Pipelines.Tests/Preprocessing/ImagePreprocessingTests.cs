using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Tests.Preprocessing;

public sealed class ImagePreprocessingTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void The_study_lung_window_maps_its_edges_to_0_and_1_and_nan_to_0()
    {
        var preprocessing = new ImagePreprocessing(1200, -700, 1, 5, TensorLayout.Nchw, 1);
        var result = new float[5];
        preprocessing.Window([-2048f, -1300f, -700f, -100f, float.NaN], result);
        Assert.Equal([0f, 0f, 0.5f, 1f, 0f], result);
    }

    [Fact]
    public void Defaults_come_from_the_model_metadata_then_from_the_study()
    {
        var withMetadata = OnnxModelInfo.Read(_models.Identity(8, (ModelMetadataKeys.WindowWidth, "1500"), (ModelMetadataKeys.WindowLevel, "-600")));
        Assert.Equal(new ImagePreprocessing(1500, -600, 8, 8, TensorLayout.Nchw, 1), ImagePreprocessing.Resolve(new PreprocessingOptions(), withMetadata));
        var bare = OnnxModelInfo.Read(_models.Identity(8));
        Assert.Equal(new ImagePreprocessing(1200, -700, 8, 8, TensorLayout.Nchw, 1), ImagePreprocessing.Resolve(new PreprocessingOptions(), bare));
        var overridden = ImagePreprocessing.Resolve(new PreprocessingOptions { WindowWidth = 2500, WindowLevel = 230 }, withMetadata);
        Assert.Equal((2500d, 230d), (overridden.WindowWidth, overridden.WindowLevel));
    }

    [Theory]
    [InlineData(TensorLayout.Nchw)]
    [InlineData(TensorLayout.Nhwc)]
    public void Three_channels_repeat_the_windowed_downscaled_value_in_the_layout_order(TensorLayout layout)
    {
        var preprocessing = new ImagePreprocessing(1200, -700, 1, 2, layout, 3);
        // 4 x 2 HU -> windowed -> 2 x 1: left block mean 0.25, right block mean 0.75.
        float[] hu = [-1300, -700, -700, -100, -1300, -700, -700, -100];
        var result = new float[6];
        float[]? scratch = null;
        preprocessing.Apply(hu, 4, 2, result, ref scratch);
        float[] expected = layout == TensorLayout.Nchw ? [0.25f, 0.75f, 0.25f, 0.75f, 0.25f, 0.75f] : [0.25f, 0.25f, 0.25f, 0.75f, 0.75f, 0.75f];
        Assert.Equal(expected, result);
    }
}
