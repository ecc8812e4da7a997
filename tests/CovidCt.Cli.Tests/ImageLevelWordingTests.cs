namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #14, image-level cohorts: evaluate's progress and <c>cohort check</c> count images, not patients, and a progress line
/// gives the image decision (any box), not the patient rule's, which needs consecutive slices of one patient.
/// </summary>
public sealed class ImageLevelWordingTests : IDisposable
{
    private readonly ImageLevelSlices _slices = new();

    public void Dispose() => _slices.Dispose();

    [Fact]
    public void Evaluate_progress_on_an_image_level_cohort_speaks_of_images()
    {
        _slices.Slice("a", 12);
        _slices.Slice("b", 0);

        var run = CliRun.Of("evaluate", "--model", _slices.Models.Lesion(32), "--images", _slices.Images, "--masks", _slices.Masks, "--window", ImageLevelSlices.Window,
            "--split", "all", "--valid-area", "none", "--cache", _slices.File("cache"), "--out", _slices.File("out"));

        Assert.True(run.ExitCode == 0, run.Error);
        var all = run.Output + run.Error;
        Assert.Contains("on 2 images (", all, StringComparison.Ordinal);
        Assert.DoesNotContain(" patients (0 from", all, StringComparison.Ordinal);
        Assert.Matches(@"a\s+image  lesion\s+positive", all);
        Assert.Matches(@"b\s+image  lesion\s+negative", all);
        Assert.DoesNotContain(" slices  positive", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Cohort_check_counts_an_image_level_manifest_in_images()
    {
        _slices.Slice("a", 4);
        _slices.Slice("b", 0);
        System.IO.File.WriteAllText(_slices.File("m.csv"), "image_id,image,mask,split\na,images/a.png,masks/a.png,test\nb,images/b.png,,test\n");

        var run = CliRun.Of("cohort", "check", _slices.File("m.csv"), "--window", ImageLevelSlices.Window);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("OK, 2 images (1 with masks, 1 without)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("patients", run.Output, StringComparison.Ordinal);
    }
}
