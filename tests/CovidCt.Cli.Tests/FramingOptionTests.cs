using System.Text.Json;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #14, body framing: <c>--framing body|image</c> on evaluate (and compare, sweep, detect) sets the pipeline's
/// <c>preprocessing.framing</c>, which metrics.json's pipeline shows; a pipeline.json states its own framing.
/// </summary>
public sealed class FramingOptionTests : IDisposable
{
    private readonly TestModels _models = new();
    private readonly string _manifest;
    private readonly string _out;
    private readonly string _cache;

    public FramingOptionTests()
    {
        _manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort")).Path;
        _out = Path.Combine(_models.Folder, "out");
        _cache = Path.Combine(_models.Folder, "cache");
    }

    public void Dispose() => _models.Dispose();

    // metrics.json writes enums by their .NET names (as it does image_score and output_activation), pipeline.json in snake case.
    [Theory]
    [InlineData(new string[0], "Body", false)]
    [InlineData(new[] { "--framing", "image" }, "Image", true)]
    public void Metrics_json_pipeline_states_the_framing_the_run_used(string[] option, string expected, bool header)
    {
        var run = CliRun.Of(["evaluate", "--model", _models.Lesion(32), "--cohort", _manifest, "--out", _out, "--cache", _cache, .. option]);
        Assert.True(run.ExitCode == 0, run.Error);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "metrics.json")));
        var framing = metrics.RootElement.GetProperty("pipeline").GetProperty("options").GetProperty("preprocessing").GetProperty("framing").GetString();
        Assert.Equal(expected, framing);
        Assert.Equal(header, run.Output.Contains("(framing image)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pipeline_file_states_its_own_framing()
    {
        var pipeline = Path.Combine(_models.Folder, "pipeline.json");
        File.WriteAllText(pipeline, """{ "schema_version": 2 }""");
        var refused = CliRun.Of(["evaluate", "--pipeline", pipeline, "--framing", "image", "--cohort", _manifest, "--out", _out, "--cache", _cache]);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("preprocessing.framing", refused.Error, StringComparison.Ordinal);
    }
}
