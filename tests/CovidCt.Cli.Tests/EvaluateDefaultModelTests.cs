using CovidCt.Cli.Commands;

namespace CovidCt.Cli.Tests;

public sealed class EvaluateDefaultModelTests : IDisposable
{
    private readonly TestModels _models = new();
    private readonly string _root;

    public EvaluateDefaultModelTests()
    {
        _root = Path.Combine(_models.Folder, "repo");
        Directory.CreateDirectory(Path.Combine(_root, "models"));
    }

    public void Dispose() => _models.Dispose();

    private void Ship(string name, string trainedUtc) =>
        File.Copy(_models.Identity(8, ("covidct.trained_utc", trainedUtc)), Path.Combine(_root, "models", name));

    [Fact]
    public void The_default_model_is_used_when_shipped_without_a_note()
    {
        Ship("unetpp-v1.onnx", "2026-01-02T00:00:00Z");
        Ship(ShippedAssets.DefaultModelName, "2025-01-01T00:00:00Z");
        var choice = ShippedAssets.ModelIn(_root);
        Assert.Equal(ShippedAssets.DefaultModelName, Path.GetFileName(choice.Path));
        Assert.Null(choice.Note);
    }

    [Fact]
    public void Without_the_default_the_most_recently_trained_model_is_used_and_said_so()
    {
        Ship("unet-baseline.onnx", "2026-03-01T10:00:00Z");
        Ship("unetpp-v1.onnx", "2026-02-01T10:00:00Z");
        var choice = ShippedAssets.ModelIn(_root);
        Assert.Equal("unet-baseline.onnx", Path.GetFileName(choice.Path));
        Assert.Contains("unetpp-v2.onnx is not in", choice.Note);
        Assert.Contains("unet-baseline.onnx", choice.Note);
    }

    [Fact]
    public void Without_any_model_the_error_says_to_pass_one()
    {
        var e = Assert.Throws<UsageException>(() => ShippedAssets.ModelIn(_root));
        Assert.Contains("--model", e.Message);
    }
}
