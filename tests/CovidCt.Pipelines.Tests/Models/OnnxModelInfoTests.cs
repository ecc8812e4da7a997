using CovidCt.Data.IO;
using CovidCt.Pipelines.Models;

namespace CovidCt.Pipelines.Tests.Models;

public sealed class OnnxModelInfoTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Reads_an_nchw_signature_with_a_dynamic_batch()
    {
        var info = OnnxModelInfo.Read(_models.Identity(16));
        Assert.Equal("image", info.InputName);
        Assert.Equal(TensorLayout.Nchw, info.Layout);
        Assert.Equal((1, 16, 16), (info.Channels, info.InputHeight, info.InputWidth));
        Assert.Null(info.FixedBatchSize);
        Assert.Equal(["probability"], info.OutputNames);
        Assert.Equal("'image' [N,1,16,16] (NCHW, 1 channel)", info.InputDescription);
        Assert.Equal(64, info.Sha256.Length);
    }

    [Fact]
    public void Infers_nhwc_from_a_three_channel_last_axis()
    {
        var info = OnnxModelInfo.Read(_models.Lesion(8, TensorLayout.Nhwc, 3));
        Assert.Equal(TensorLayout.Nhwc, info.Layout);
        Assert.Equal((3, 8, 8), (info.Channels, info.InputHeight, info.InputWidth));
    }

    [Fact]
    public void Exposes_covidct_metadata()
    {
        var info = OnnxModelInfo.Read(_models.Identity(8, (ModelMetadataKeys.WindowWidth, "1500"), (ModelMetadataKeys.Architecture, "unetpp")));
        Assert.Equal(1500, info.MetadataNumber(ModelMetadataKeys.WindowWidth));
        Assert.Null(info.MetadataNumber(ModelMetadataKeys.WindowLevel));
        Assert.Equal("unetpp", info.Metadata[ModelMetadataKeys.Architecture]);
    }

    [Fact]
    public void A_metadata_number_that_is_not_a_number_names_the_key()
    {
        var info = OnnxModelInfo.Read(_models.Identity(8, (ModelMetadataKeys.WindowLevel, "lung")));
        var error = Assert.Throws<InvalidInputException>(() => info.MetadataNumber(ModelMetadataKeys.WindowLevel));
        Assert.Equal(ModelMetadataKeys.WindowLevel, error.Field);
        Assert.Contains("'lung'", error.Message);
    }

    [Fact]
    public void A_declared_layout_that_disagrees_with_the_shape_is_an_error()
    {
        var path = _models.Identity(8, (ModelMetadataKeys.Layout, "NHWC"));
        var error = Assert.Throws<InvalidInputException>(() => OnnxModelInfo.Read(path));
        Assert.Contains("channel axis", error.Message);
    }

    [Fact]
    public void An_input_of_rank_two_is_rejected_with_what_is_expected()
    {
        var error = Assert.Throws<InvalidInputException>(() => OnnxModelInfo.Read(_models.RankTwo(8)));
        Assert.Contains("rank 2", error.Message);
        Assert.Contains("[N,C,H,W] or [N,H,W,C]", error.Message);
    }

    [Fact]
    public void A_missing_or_corrupt_file_is_invalid_input()
    {
        var missing = Path.Combine(_models.Folder, "absent.onnx");
        Assert.Contains("not found", Assert.Throws<InvalidInputException>(() => OnnxModelInfo.Read(missing)).Message);
        var corrupt = Path.Combine(_models.Folder, "corrupt.onnx");
        File.WriteAllText(corrupt, "not a model");
        Assert.Contains("not a loadable ONNX model", Assert.Throws<InvalidInputException>(() => OnnxModelInfo.Read(corrupt)).Message);
    }
}
