using CovidCt.Imaging;

namespace CovidCt.Cli.Tests;

/// <summary>Issue #14 wording: a cohort of one image is "1 image" (and its one slice "1 slice") in the progress title, the header and the tables, never "1 images" (Plural, one rule).</summary>
public sealed class SingleImageWordingTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void One_image_is_counted_as_1_image()
    {
        ChestSlices.Write(_models.Folder, "only", new HounsfieldWindow(1500, -600));
        string File(string name) => Path.Combine(_models.Folder, name);

        var run = CliRun.Of("evaluate", "--model", _models.Lesion(32), "--images", File("images"), "--masks", File("masks"), "--window", "1500/-600",
            "--split", "all", "--valid-area", "none", "--cache", File("cache"), "--out", File("out"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(" on 1 image (", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("split all: 1 image (1 with lesions, 0 lesion-free), 1 slice", run.Output, StringComparison.Ordinal);
        Assert.Contains("Per image (1 slice with known truth)", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 of 1 patient's probability maps", run.Output, StringComparison.Ordinal);
        // "13,751 images" (the study's) is no slip: only a count of exactly one is looked for.
        Assert.DoesNotMatch(@"(?<![\d,.])1 (images|slices|patients)\b", run.Output + run.Error);
    }
}
