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
    public void Valid_area_none_looks_for_lesions_in_the_whole_image()
    {
        // A lesion in the body above the lungs: outside the HU valid area, inside the whole image.
        var upload = Folder("outside.png");
        SlicePngWriter.WriteSlice(Phantom.Volume([Phantom.OutsideLungs]), 0, StudyProtocol.LungWindow, upload);
        int Boxes(params string[] extra)
        {
            var run = CliRun.Of(["detect", upload, "--model", _models.Lesion(32), "--out", Folder("boxes.png"), "--json", .. extra]);
            Assert.True(run.ExitCode == 0, run.Error);
            using var json = JsonDocument.Parse(run.Output);
            return json.RootElement.GetProperty("detections")[0].GetProperty("boxes").GetArrayLength();
        }
        Assert.Equal(0, Boxes());
        Assert.Equal(0, Boxes("--valid-area", "hu"));
        Assert.Equal(1, Boxes("--valid-area", "none"));
    }

    [Theory]
    [InlineData("--valid-area-model", "lungs.onnx")]
    [InlineData("--valid-area", "model")]
    public void A_valid_area_model_needs_its_file_and_the_model_kind(string option, string value)
    {
        var upload = Folder("slice.png");
        SlicePngWriter.WriteSlice(Phantom.Volume([Phantom.UpperLeft]), 0, StudyProtocol.LungWindow, upload);
        var run = CliRun.Of("detect", upload, "--model", _models.Lesion(32), "--out", Folder("x.png"), option, value);
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("--valid-area model", run.Error);
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
