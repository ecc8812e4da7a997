using CovidCt.Data.Nifti;

namespace CovidCt.Cli.Tests;

public sealed class CohortCheckCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public CohortCheckCommandTests()
    {
        NiftiWriter.Write(Volumes.Axial(), _folder.File("a.nii.gz"));
        NiftiWriter.Write(new Data.LesionMask(Volumes.Axial().Geometry, new byte[120], "test"), _folder.File("a-mask.nii.gz"));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Valid_manifest_prints_a_summary_and_exits_0()
    {
        File.WriteAllText(_folder.File("m.csv"), "patient_id,label,images,masks,split\na,covid,a.nii.gz,a-mask.nii.gz,test\nb,covid,a.nii.gz,,test\nc,control,a.nii.gz,,train\n");

        var run = CliRun.Of("cohort", "check", _folder.File("m.csv"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("OK, 3 patients (2 covid, 1 control)", run.Output);
        Assert.Contains("test 2, train 1", run.Output);
        Assert.Contains("Per-image truth unknown for 1 covid patient without masks", run.Output);
    }

    [Fact]
    public void Problems_are_all_listed_with_lines_and_exit_2()
    {
        File.WriteAllText(_folder.File("m.csv"), "patient_id,label,images,masks,split\na,covid,a.nii.gz,,\na,sick,missing.nii.gz,,\n");

        var run = CliRun.Of("cohort", "check", _folder.File("m.csv"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("3 problems", run.Output);
        Assert.Contains("line 3, field 'patient_id': duplicate patient_id 'a' (first on line 2)", run.Output);
        Assert.Contains("line 3, field 'label'", run.Output);
        Assert.Contains("line 3, field 'images': 'missing.nii.gz' does not exist", run.Output);
    }
}
