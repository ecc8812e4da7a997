using System.Text.Json;
using CovidCt.Data.Nifti;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Cli.Tests;

public sealed class InspectCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Text_report_gives_dimensions_spacing_range_orientation_and_uid()
    {
        NiftiWriter.Write(Volumes.Axial(), _folder.File("ct.nii.gz"));

        var run = CliRun.Of("inspect", _folder.File("ct.nii.gz"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("6 x 5 x 4 (columns x rows x slices)", run.Output);
        Assert.Contains("Pixel spacing: 0.5 x 0.5 mm", run.Output);
        Assert.Contains("spacing 2 mm, positions 0 .. 6 mm", run.Output);
        Assert.Contains("HU range:      -1000 .. -881", run.Output);
        Assert.Contains("Orientation:   axial", run.Output);
        Assert.Contains("Series UID:    1.2.3", run.Output);
    }

    [Fact]
    public void Json_report_has_snake_case_fields()
    {
        NiftiWriter.Write(Volumes.Axial(), _folder.File("ct.nii"));

        using var json = JsonDocument.Parse(CliRun.Of("inspect", _folder.File("ct.nii"), "--json").Output);
        var root = json.RootElement;
        Assert.Equal("Nifti", root.GetProperty("kind").GetString());
        Assert.Equal(4, root.GetProperty("slices").GetInt32());
        Assert.Equal(-1000, root.GetProperty("min_hu").GetSingle());
        Assert.Equal(0.5, root.GetProperty("column_spacing_mm").GetDouble());
    }

    [Fact]
    public void Slice_folder_uses_the_stated_window()
    {
        var volume = Volumes.Axial();
        SlicePngWriter.WriteSlices(volume, new HounsfieldWindow(400, -900), _folder.File("png"));

        var run = CliRun.Of("inspect", _folder.File("png"), "--window", "400/-900", "--json");
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("SliceFolder", json.RootElement.GetProperty("kind").GetString());
        Assert.InRange(json.RootElement.GetProperty("min_hu").GetSingle(), -1001f, -999f);
    }

    [Fact]
    public void Missing_source_exits_2_with_the_path()
    {
        var run = CliRun.Of("inspect", _folder.File("absent"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("absent: no such file or folder", run.Error);
    }

    [SkippableFact]
    public void Real_DICOM_series_is_described()
    {
        var series = SharedData.LidcPatient("LIDC-IDRI-0001");

        var run = CliRun.Of("inspect", series);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("512 x 512 x 133", run.Output);
        Assert.Contains("HU range:      -2048 .. 3071", run.Output);
        Assert.Contains("1.3.6.1.4.1.14519.5.2.1.6279.6001.179049373636438705059720603192", run.Output);
    }
}
