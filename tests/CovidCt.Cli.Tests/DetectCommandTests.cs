using System.Text.Json;
using CovidCt.Data;
using CovidCt.Data.Nifti;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Cli.Tests;

/// <summary><c>covidct detect</c> with the tiny lesion model on phantom slices whose lesions are known.</summary>
public sealed class DetectCommandTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    private string Folder(string name) => Path.Combine(_models.Folder, name);

    [Fact]
    public void One_uploaded_png_slice_gets_its_red_box_in_the_right_quadrant()
    {
        // The phantom slice with an upper-left lesion, exported as the study's 8-bit lung-window PNG.
        var volume = Phantom.Volume([Phantom.UpperLeft]);
        var upload = Folder("upload.png");
        SlicePngWriter.WriteSlice(volume, 0, StudyProtocol.LungWindow, upload);
        var figure = Folder("boxes.png");
        var run = CliRun.Of("detect", upload, "--model", _models.Lesion(32), "--out", figure, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var boxes = json.RootElement.GetProperty("detections")[0].GetProperty("boxes");
        Assert.Equal(1, boxes.GetArrayLength());
        Assert.Equal("UpperLeft", boxes[0].GetProperty("quadrants").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("detections")[0].GetProperty("slice_index").GetInt32());
        Assert.Equal(Phantom.UpperLeft.X, boxes[0].GetProperty("left").GetDouble(), 0);
        Assert.True(File.Exists(figure));
        Assert.Equal(0x89, File.ReadAllBytes(figure)[0]);
    }

    [Fact]
    public void A_volume_gets_one_figure_per_slice_and_the_patient_rule()
    {
        var ul = Phantom.UpperLeft;
        var nifti = Folder("p.nii.gz");
        NiftiWriter.Write(Phantom.Volume([ul], [ul], [ul], []), nifti);
        var run = CliRun.Of("detect", nifti, "--model", _models.Lesion(32), "--out", Folder("figures"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(4, Directory.GetFiles(Folder("figures"), "slice-*.png").Length);
        Assert.Contains("slice 4 of 4 (index 3): 0 box(es)", run.Output);
        Assert.Contains("Patient rule: POSITIVE (lesions in the upper left quadrant on slices 1–3", run.Output);
    }

    [Fact]
    public void A_slice_outside_the_volume_is_a_usage_error()
    {
        var nifti = Folder("p.nii.gz");
        NiftiWriter.Write(Phantom.Volume([], []), nifti);
        var run = CliRun.Of("detect", nifti, "--model", _models.Lesion(32), "--slice", "5", "--out", Folder("x"));
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("--slice 5 is outside the volume's 2 slice(s)", run.Error);
    }

    [Fact]
    public void One_png_for_a_whole_volume_is_a_usage_error()
    {
        var nifti = Folder("p.nii.gz");
        NiftiWriter.Write(Phantom.Volume([], []), nifti);
        var run = CliRun.Of("detect", nifti, "--model", _models.Lesion(32), "--out", Folder("one.png"));
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("add --slice N", run.Error);
    }
}
