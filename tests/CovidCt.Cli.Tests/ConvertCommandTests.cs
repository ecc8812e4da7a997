using CovidCt.Data;
using CovidCt.Data.Nifti;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Cli.Tests;

public sealed class ConvertCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void NIfTI_converts_to_compressed_NIfTI_losslessly()
    {
        var volume = Volumes.Axial();
        NiftiWriter.Write(volume, _folder.File("in.nii"));

        var run = CliRun.Of("convert", _folder.File("in.nii"), _folder.File("out/ct.nii.gz"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("6 x 5 x 4", run.Output);
        var back = NiftiReader.ReadVolume(_folder.File("out/ct.nii.gz"));
        Assert.Equal(volume.Hounsfield, back.Hounsfield);
        Assert.Equal("1.2.3", back.SeriesInstanceUid);
    }

    [Fact]
    public void Slice_folder_converts_through_the_window()
    {
        SlicePngWriter.WriteSlices(Volumes.Axial(), StudyProtocol.LungWindow, _folder.File("png"));

        Assert.Equal(0, CliRun.Of("convert", _folder.File("png"), _folder.File("ct.nii.gz")).ExitCode);
        var back = NiftiReader.ReadVolume(_folder.File("ct.nii.gz"));
        Assert.Equal(4, back.Geometry.Depth);
        Assert.InRange(back.Hounsfield[0], -1000 - 2.5f, -1000 + 2.5f);
    }

    [Fact]
    public void Output_that_is_not_NIfTI_is_a_usage_error()
    {
        NiftiWriter.Write(Volumes.Axial(), _folder.File("in.nii"));

        var run = CliRun.Of("convert", _folder.File("in.nii"), _folder.File("out.png"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("must end in .nii.gz or .nii", run.Error);
        Assert.False(File.Exists(_folder.File("out.png")));
    }

    [Fact]
    public void Unreadable_input_exits_2_and_writes_nothing()
    {
        File.WriteAllText(_folder.File("bad.nii"), "not nifti");

        var run = CliRun.Of("convert", _folder.File("bad.nii"), _folder.File("out.nii.gz"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("sizeof_hdr", run.Error);
        Assert.False(File.Exists(_folder.File("out.nii.gz")));
    }
}
