using CovidCt.Data;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #14, image-level cohorts: evaluate's progress and <c>cohort check</c> count images, not patients, and a progress line
/// gives the image decision (any box), not the patient rule's, which needs consecutive slices of one patient.
/// </summary>
public sealed class ImageLevelWordingTests : IDisposable
{
    private static readonly HounsfieldWindow Window = new(1500, -600);
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    private string File(string name) => Path.Combine(_models.Folder, name);

    // One 32x32 slice as images/NAME.png with masks/NAME.png: lesion-density tissue in a square of side lesion (0 for none).
    private void Slice(string name, int lesion)
    {
        const int size = 32;
        var geometry = VolumeGeometry.Axial(size, size, 1, 1, 1);
        var voxels = new float[size * size];
        var labels = new byte[size * size];
        for (var i = 0; i < voxels.Length; i++)
        {
            var inside = i % size >= 8 && i % size < 8 + lesion && i / size >= 8 && i / size < 8 + lesion;
            voxels[i] = inside ? TestModels.LesionHu : -1000;
            labels[i] = inside ? (byte)1 : (byte)0;
        }
        Directory.CreateDirectory(File("images"));
        Directory.CreateDirectory(File("masks"));
        SlicePngWriter.WriteSlice(new CtVolume(geometry, voxels, "generated"), 0, Window, File($"images/{name}.png"));
        SlicePngWriter.WriteMask(new LesionMask(geometry, labels, "generated"), 0, File($"masks/{name}.png"));
    }

    [Fact]
    public void Evaluate_progress_on_an_image_level_cohort_speaks_of_images()
    {
        Slice("a", 12);
        Slice("b", 0);

        var run = CliRun.Of("evaluate", "--model", _models.Lesion(32), "--images", File("images"), "--masks", File("masks"), "--window", "1500/-600",
            "--split", "all", "--valid-area", "none", "--cache", File("cache"), "--out", File("out"));

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
        Slice("a", 4);
        Slice("b", 0);
        System.IO.File.WriteAllText(File("m.csv"), "image_id,image,mask,split\na,images/a.png,masks/a.png,test\nb,images/b.png,,test\n");

        var run = CliRun.Of("cohort", "check", File("m.csv"), "--window", "1500/-600");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("OK, 2 images (1 with masks, 1 without)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("patients", run.Output, StringComparison.Ordinal);
    }
}
