using System.Runtime.InteropServices;
using CovidCt.Data;
using CovidCt.Data.Slices;
using CovidCt.Imaging;
using SkiaSharp;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #14, masks read silently wrong: a 0/1 mask gives the truth of its 0/255 twin, a label mask is an error until its
/// lesion labels are stated with <c>--mask-labels</c>, and the option belongs to <c>--images/--masks</c> only.
/// </summary>
public sealed class MaskLabelsOptionTests : IDisposable
{
    private static readonly HounsfieldWindow Window = new(1500, -600);
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    private string File(string name) => Path.Combine(_models.Folder, name);

    // One 32x32 slice as images/NAME.png with a lesion square of side 12, and masks/NAME.png holding `lesion` on it
    // (and `other`, another structure, on a second square), 0 elsewhere.
    private void Slice(string name, byte lesion, byte other = 0)
    {
        const int size = 32;
        var geometry = VolumeGeometry.Axial(size, size, 1, 1, 1);
        var voxels = new float[size * size];
        var mask = new byte[size * size];
        for (var i = 0; i < voxels.Length; i++)
        {
            var (x, y) = (i % size, i / size);
            var inside = x is >= 8 and < 20 && y is >= 8 and < 20;
            voxels[i] = inside ? TestModels.LesionHu : x is >= 2 and < 30 && y is >= 2 and < 30 ? 40 : -1000;
            mask[i] = inside ? lesion : x is >= 22 and < 28 && y is >= 22 and < 28 ? other : (byte)0;
        }
        Directory.CreateDirectory(File("images"));
        Directory.CreateDirectory(File("masks"));
        SlicePngWriter.WriteSlice(new CtVolume(geometry, voxels, "generated"), 0, Window, File($"images/{name}.png"));
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Gray8, SKAlphaType.Opaque));
        Marshal.Copy(mask, 0, bitmap.GetPixels(), mask.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using var file = System.IO.File.Create(File($"masks/{name}.png"));
        data.SaveTo(file);
    }

    private CliRun Evaluate(params string[] extra) => CliRun.Of(["evaluate", "--model", _models.Lesion(32), "--images", File("images"), "--masks", File("masks"),
        "--window", "1500/-600", "--split", "all", "--valid-area", "none", "--cache", File("cache"), "--out", File("out"), .. extra]);

    [Fact]
    public void A_0_1_mask_counts_its_image_as_a_lesion_image_like_its_0_255_twin()
    {
        Slice("a", lesion: 1);
        Slice("b", lesion: 0);

        var run = Evaluate();

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("2 images (1 with lesions, 1 lesion-free)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_mask_is_an_error_until_its_lesion_labels_are_stated()
    {
        Slice("a", lesion: 2, other: 1);
        Slice("b", lesion: 0, other: 1);

        var refused = Evaluate();
        Assert.Equal(CliApp.InputError, refused.ExitCode);
        Assert.Contains("a.png", refused.Error, StringComparison.Ordinal);
        Assert.Contains("the values 0, 1, 2", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--mask-labels", refused.Error, StringComparison.Ordinal);

        var run = Evaluate("--mask-labels", "2");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("2 images (1 with lesions, 1 lesion-free)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_labels_are_refused_with_a_manifest_and_when_malformed()
    {
        Slice("a", lesion: 255);

        var withCohort = CliRun.Of("evaluate", "--model", _models.Lesion(32), "--mask-labels", "1,2", "--cache", File("cache"), "--out", File("out"));
        Assert.Equal(CliApp.InputError, withCohort.ExitCode);
        Assert.Contains("mask_labels column", withCohort.Error, StringComparison.Ordinal);

        var malformed = Evaluate("--mask-labels", "ground-glass");
        Assert.Equal(CliApp.InputError, malformed.ExitCode);
        Assert.Contains("--mask-labels:", malformed.Error, StringComparison.Ordinal);
    }
}
