using CovidCt.Data.Cohorts;
using CovidCt.Testing.Invariance;

namespace CovidCt.Cli.Tests;

public sealed class CohortScanCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // patient/study/series/*.dcm, as scanners and PACS exports lay it out.
    private void Series(string relative, string uid) => DicomSeriesWriter.Write(Volumes.Integral(seriesUid: uid), _folder.File(Path.Combine("tree", relative)), uid);

    [Fact]
    public void A_tree_of_dicom_series_and_a_labels_csv_become_a_manifest_that_cohort_check_accepts()
    {
        Series("P1/study/series-a", "1.1");
        Series("P2/ct", "1.2");
        File.WriteAllText(_folder.File("labels.csv"), "patient_id,label,split\nP1,covid,test\nP2,control,\n");

        var run = CliRun.Of("cohort", "scan", _folder.File("tree"), "--labels", _folder.File("labels.csv"), "--out", _folder.File("out/manifest.csv"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Matched 2 series with labels.csv (1 covid, 1 control)", run.Output);
        var manifest = CohortManifest.Load(_folder.File("out/manifest.csv"));
        Assert.Equal(["P1", "P2"], manifest.Entries.Select(e => e.PatientId));
        Assert.Equal("../tree/P1/study/series-a", manifest.Entries[0].Images);
        Assert.Equal(CohortSplit.Test, manifest.Entries[0].Split);
        Assert.Equal(0, CliRun.Of("cohort", "check", _folder.File("out/manifest.csv")).ExitCode);
    }

    [Fact]
    public void Unlabeled_missing_duplicate_and_repeated_series_are_all_reported_with_exit_2()
    {
        Series("P1/ct", "2.1");
        Series("P3/ct", "2.3");
        Series("P4/first", "2.4");
        Series("P4/second", "2.5");
        File.WriteAllText(_folder.File("labels.csv"), "patient_id,label\nP1,covid\nP2,control\nP4,covid\nP1,control\nP5,maybe\n");

        var run = CliRun.Of("cohort", "scan", _folder.File("tree"), "--labels", _folder.File("labels.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no series found for patient 'P2'", run.Error);
        Assert.Contains("2 series found for patient 'P4' (P4/first, P4/second)", run.Error);
        Assert.Contains("'P1' is repeated (first on line 2)", run.Error);
        Assert.Contains("'maybe' is not a label; expected covid or control", run.Error);
        Assert.Contains("the series 'P3/ct'", run.Error);
        Assert.Contains("labels.csv", run.Error);
        Assert.False(File.Exists(_folder.File("tree/manifest.csv")), "no manifest is written while a problem remains");
    }

    [Fact]
    public void A_source_column_picks_one_of_several_series_of_a_patient()
    {
        Series("P4/first", "3.4");
        Series("P4/second", "3.5");
        File.WriteAllText(_folder.File("labels.csv"), "patient_id,label,source\nP4,covid,P4/second\nP4b,control,P4/first\n");

        var run = CliRun.Of("cohort", "scan", _folder.File("tree"), "--labels", _folder.File("labels.csv"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("P4/second", CohortManifest.Load(_folder.File("tree/manifest.csv")).Entries[0].Images);
    }
    [Fact]
    public void Masks_named_in_the_labels_beside_the_images_are_not_taken_for_series()
    {
        // images/P1.nii.gz and masks/P1.nii.gz: both carry the patient's name, but the labels say which one is the mask.
        Directory.CreateDirectory(_folder.File("tree/images"));
        Directory.CreateDirectory(_folder.File("tree/masks"));
        foreach (var id in new[] { "P1", "P2" })
        {
            Data.Nifti.NiftiWriter.Write(Volumes.Integral(), _folder.File($"tree/images/{id}.nii.gz"));
            Data.Nifti.NiftiWriter.Write(Volumes.Integral(), _folder.File($"tree/masks/{id}.nii.gz"));
        }
        File.WriteAllText(_folder.File("labels.csv"), "patient_id,label,masks\nP1,covid,tree/masks/P1.nii.gz\nP2,control,tree/masks/P2.nii.gz\n");

        var run = CliRun.Of("cohort", "scan", _folder.File("tree"), "--labels", _folder.File("labels.csv"));

        Assert.True(run.ExitCode == 0, run.Error);
        var manifest = CohortManifest.Load(_folder.File("tree/manifest.csv"));
        Assert.Equal(["images/P1.nii.gz", "images/P2.nii.gz"], manifest.Entries.Select(e => e.Images));
        Assert.Equal(["masks/P1.nii.gz", "masks/P2.nii.gz"], manifest.Entries.Select(e => e.Masks));
    }
}
