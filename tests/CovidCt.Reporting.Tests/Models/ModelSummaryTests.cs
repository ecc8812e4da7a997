using CovidCt.Pipelines.Models;
using CovidCt.Reporting.Models;
using CovidCt.Testing.Fixtures;

namespace CovidCt.Reporting.Tests.Models;

public sealed class ModelSummaryTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    private static ModelSummaryRow Row(ModelSummary summary, string item) => summary.Rows.Single(r => r.Item == item);

    [Fact]
    public void A_model_without_metadata_shows_the_window_and_activation_as_assumed()
    {
        var summary = ModelSummary.Of(OnnxModelInfo.Read(_models.Identity(32)));

        Assert.Equal(("1200 HU (the study's lung window)", ModelSummary.Assumed), (Row(summary, "Window width").Value, Row(summary, "Window width").Source));
        Assert.Equal(ModelSummary.Assumed, Row(summary, "Window level").Source);
        Assert.Equal(ModelSummary.Assumed, Row(summary, "Output activation").Source);
        Assert.Equal(("32 × 32 pixels", ModelSummary.FromGraph), (Row(summary, "Input size").Value, Row(summary, "Input size").Source));
        Assert.Contains("NCHW, 1 channel", Row(summary, "Input").Value);
    }

    [Fact]
    public void Declared_metadata_is_shown_as_such_and_a_legacy_threshold_as_ignored()
    {
        var path = _models.Identity(32, ("covidct.window_width", "1500"), ("covidct.window_level", "-600"), ("covidct.layout", "NCHW"),
            ("covidct.output_activation", "none"), ("covidct.threshold", "0.4"), ("exporter", "torch 2.5"));

        var summary = ModelSummary.Of(OnnxModelInfo.Read(path));

        Assert.Equal(("1500 HU", ModelSummary.FromMetadata), (Row(summary, "Window width").Value, Row(summary, "Window width").Source));
        Assert.Equal(("-600 HU", ModelSummary.FromMetadata), (Row(summary, "Window level").Value, Row(summary, "Window level").Source));
        Assert.Equal(ModelSummary.FromMetadata, Row(summary, "Layout").Source);
        Assert.Equal(ModelSummary.FromMetadata, Row(summary, "Output activation").Source);
        Assert.Contains("belongs to the pipeline", Row(summary, "covidct.threshold (ignored)").Value);
        Assert.Equal("torch 2.5", Row(summary, "exporter").Value);
        Assert.DoesNotContain(summary.AssumedRows, r => r.Item.StartsWith("Window", StringComparison.Ordinal));
    }
}
