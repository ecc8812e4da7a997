using System.Text.Json.Nodes;
using CovidCt.Data.IO;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Tests.Definition;

/// <summary>
/// Issue #14, body framing recorded: the resolved settings say which frame the model saw, and a pipeline.json that does not
/// state its framing (written before body framing existed, when the model saw the whole slice) is refused, naming the file,
/// the field and both remedies, rather than run with a frame it never described.
/// </summary>
public sealed class RecordedFramingTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Theory]
    [InlineData(SliceFraming.Body, -500.0, 216.0 / 256)]
    [InlineData(SliceFraming.Image, null, null)]
    public void Resolved_settings_record_the_frame(SliceFraming framing, double? bodyHounsfield, double? bodyFraction)
    {
        var path = Path.Combine(_models.Folder, "pipeline.json");
        PipelineDefinition.Create(_models.Lesion(32), new PipelineOptions { Preprocessing = { Framing = framing } }).Save(path);

        var resolved = PipelineDefinition.Load(path).Resolved!;
        var written = JsonNode.Parse(File.ReadAllText(path))!["resolved"]!;

        Assert.Equal((framing, bodyHounsfield, bodyFraction), (resolved.Framing, resolved.BodyHounsfield, resolved.BodyFraction));
        Assert.Equal(framing == SliceFraming.Body ? "body" : "image", written["framing"]!.GetValue<string>());
    }

    [Fact]
    public void A_pipeline_json_without_its_framing_is_refused_with_both_remedies()
    {
        var path = Path.Combine(_models.Folder, "pipeline.json");
        PipelineDefinition.Create(_models.Lesion(32)).Save(path);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["options"]!["preprocessing"]!.AsObject().Remove("framing");
        File.WriteAllText(path, json.ToJsonString());

        var error = Assert.Throws<InvalidInputException>(() => PipelineDefinition.Load(path));

        Assert.Equal(path, error.File);
        Assert.Equal("options.preprocessing.framing", error.Field);
        Assert.Contains("written before body framing existed", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"framing\": \"image\" to run it as it was written", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"framing\": \"body\"", error.Message, StringComparison.Ordinal);
    }
}
