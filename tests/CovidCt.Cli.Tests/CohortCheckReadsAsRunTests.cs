using CovidCt.Imaging;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #14, a check must read a case as the run will: <c>cohort check</c> takes the reading options evaluate takes (the same
/// option objects: --images/--masks, --mask-labels, --window with fit-per-image), fits a manifest row's <c>fit</c> window and
/// prints it, and counts a single image as "1 image".
/// </summary>
public sealed class CohortCheckReadsAsRunTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string File(string name) => _folder.File(name);

    private void Slice(string name, HounsfieldWindow window, float fill = float.NaN, byte lesion = 255) => ChestSlices.Write(_folder.Path, name, window, fill, lesion);

    private string Manifest(string rows)
    {
        System.IO.File.WriteAllText(File("m.csv"), "image_id,image,mask,split,window\n" + rows);
        return File("m.csv");
    }

    [Fact]
    public void A_fit_row_is_fitted_and_its_window_printed()
    {
        Slice("wide", new HounsfieldWindow(3000, -100));

        var run = CliRun.Of("cohort", "check", Manifest("wide,images/wide.png,masks/wide.png,test,fit\n"));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("OK, 1 image (1 with masks, 0 without)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Window: fitted per image on 1 image: W(29\d\d|30\d\d|31\d\d)(\.\d+)?/L-?\d+(\.\d+)?; every fit is good\.", run.Output);
        Assert.DoesNotContain("no stated window", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fit_row_whose_image_gives_no_window_is_a_problem_with_file_and_line()
    {
        Slice("soft", new HounsfieldWindow(1500, -600));
        Slice("blank", new HounsfieldWindow(1500, -600), fill: -3000);

        var run = CliRun.Of("cohort", "check", Manifest("soft,images/soft.png,masks/soft.png,test,fit\nblank,images/blank.png,masks/blank.png,test,fit\n"));

        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("m.csv: 1 problem", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1 problems", run.Output, StringComparison.Ordinal);
        Assert.Contains("line 3, field 'window'", run.Output, StringComparison.Ordinal);
        Assert.Contains(File("images/blank.png"), run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_folders_are_checked_with_their_mask_labels_as_evaluate_reads_them()
    {
        Slice("a", new HounsfieldWindow(1500, -600), lesion: 2);
        Slice("b", new HounsfieldWindow(1500, -600), lesion: 1);
        string[] folders = ["cohort", "check", "--images", File("images"), "--masks", File("masks"), "--window", "1500/-600"];

        var binary = CliRun.Of(folders);
        var labels = CliRun.Of([.. folders, "--mask-labels", "1,2"]);

        Assert.Equal(CliApp.InputError, binary.ExitCode);
        Assert.Contains("a.png", binary.Output + binary.Error, StringComparison.Ordinal);
        Assert.Contains("--mask-labels", binary.Output + binary.Error, StringComparison.Ordinal);
        Assert.True(labels.ExitCode == 0, labels.Output + labels.Error);
        Assert.Contains("OK, 2 images (2 with masks, 0 without)", labels.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_per_image_fits_the_folders_images_as_evaluate_does()
    {
        Slice("soft", new HounsfieldWindow(1500, -600));
        Slice("wide", new HounsfieldWindow(3000, -100));

        var run = CliRun.Of("cohort", "check", "--images", File("images"), "--masks", File("masks"), "--window", "fit-per-image");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("Window: fitted per image on 2 images: width ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_that_make_a_cohort_are_refused_where_they_do_not_apply()
    {
        Slice("a", new HounsfieldWindow(1500, -600));
        var manifest = Manifest("a,images/a.png,masks/a.png,test,\n");

        var none = CliRun.Of("cohort", "check");
        var both = CliRun.Of("cohort", "check", manifest, "--images", File("images"), "--masks", File("masks"));
        var labelsWithManifest = CliRun.Of("cohort", "check", manifest, "--mask-labels", "1");

        Assert.Equal(CliApp.InputError, none.ExitCode);
        Assert.Contains("needs a manifest", none.Error, StringComparison.Ordinal);
        Assert.Equal(CliApp.InputError, both.ExitCode);
        Assert.Contains("give either them or a manifest", both.Error, StringComparison.Ordinal);
        Assert.Equal(CliApp.InputError, labelsWithManifest.ExitCode);
        Assert.Contains("mask_labels column", labelsWithManifest.Error, StringComparison.Ordinal);
    }
}
