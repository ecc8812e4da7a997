using System.Text.Json;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #14, image score: <c>--image-score max_pixel|max_box</c> on evaluate (and the outputs say which ranked the per-image
/// ROC), and <c>--output-activation</c> on sweep, which lacked it.
/// </summary>
public sealed class ImageScoreOptionTests : IDisposable
{
    private readonly PhantomCohortRun _phantom = new();

    public void Dispose() => _phantom.Dispose();

    [Theory]
    [InlineData(new string[0], "max_pixel")]
    [InlineData(new[] { "--image-score", "max_box" }, "max_box")]
    public void Metrics_json_and_the_report_say_which_score_ranked_the_images(string[] option, string expected)
    {
        var run = _phantom.Run("evaluate", _phantom.Models.Lesion(32), option);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"({expected})", run.Output, StringComparison.Ordinal);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(_phantom.Out, "metrics.json")));
        Assert.Equal(expected, metrics.RootElement.GetProperty("per_image").GetProperty("score").GetString());
        Assert.Contains($"The image score ({expected})", File.ReadAllText(Path.Combine(_phantom.Out, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipeline_file_states_its_own_image_score()
    {
        var pipeline = Path.Combine(_phantom.Models.Folder, "pipeline.json");
        File.WriteAllText(pipeline, """{ "schema_version": 2 }""");
        var refused = CliRun.Of(["evaluate", "--pipeline", pipeline, "--image-score", "max_box", "--cohort", _phantom.Manifest, "--out", _phantom.Out, "--cache", _phantom.Cache]);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("lesion_boxes.image_score", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_takes_output_activation_for_a_model_that_outputs_logits()
    {
        var grid = new[] { "--threshold", "0.5", "--min-pixels", "25", "--consecutive", "3" };
        var refused = _phantom.Run("sweep", _phantom.Models.Logits(32), grid);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("this looks like logits", refused.Error, StringComparison.Ordinal);
        var run = _phantom.Run("sweep", _phantom.Models.Logits(32), [.. grid, "--output-activation", "sigmoid"]);
        Assert.True(run.ExitCode == 0, run.Error);
    }
}
