using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;
using CovidCt.Data.Nifti;

namespace CovidCt.Data.Tests.Cohorts;

public sealed class CohortReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CohortManifest _manifest;

    public CohortReaderTests()
    {
        var volume = Volumes.Integral(4, 4, 3);
        var labels = new byte[volume.Geometry.VoxelCount];
        labels[0] = 1;                    // slice 0: one lesion pixel
        labels[32] = labels[33] = 1;      // slice 2: two lesion pixels
        NiftiWriter.Write(volume, _folder.File("a.nii.gz"));
        NiftiWriter.Write(new LesionMask(volume.Geometry, labels, "test"), _folder.File("a-mask.nii.gz"));
        NiftiWriter.Write(volume, _folder.File("b.nii.gz"));
        NiftiWriter.Write(volume, _folder.File("c.nii.gz"));
        File.WriteAllText(_folder.File("cohort.csv"),
            "patient_id,label,images,masks,split\na,covid,a.nii.gz,a-mask.nii.gz,test\nb,covid,b.nii.gz,,test\nc,control,c.nii.gz,,train\n");
        _manifest = CohortManifest.Load(_folder.File("cohort.csv"));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Slice_truth_comes_from_the_mask_else_is_unknown_for_covid_and_negative_for_control()
    {
        var patients = CohortReader.ReadPatients(_manifest).ToList();

        Assert.Equal(["a", "b", "c"], patients.Select(p => p.Entry.PatientId));
        Assert.Equal([true, false, true], patients[0].SliceTruth);
        Assert.Equal([null, null, null], patients[1].SliceTruth);
        Assert.Equal([false, false, false], patients[2].SliceTruth);
        Assert.NotNull(patients[0].Mask);
        Assert.False(patients[1].HasSliceTruth);
        Assert.True(patients[2].HasSliceTruth);
    }

    [Fact]
    public void Minimum_lesion_pixels_is_configurable()
    {
        var a = CohortReader.ReadPatients(_manifest, CohortSplit.Test, new CohortReadOptions { MinimumLesionPixels = 2 }).First();
        Assert.Equal([false, false, true], a.SliceTruth);
    }

    [Fact]
    public void Split_filter_reads_only_that_split()
    {
        Assert.Equal(["c"], CohortReader.ReadPatients(_manifest, CohortSplit.Train).Select(p => p.Entry.PatientId));
    }

    [Fact]
    public void Patients_are_read_lazily_one_at_a_time()
    {
        File.Delete(_folder.File("c.nii.gz"));
        using var patients = CohortReader.ReadPatients(_manifest).GetEnumerator();

        Assert.True(patients.MoveNext());
        Assert.True(patients.MoveNext());
        Assert.Throws<InvalidInputException>(() => patients.MoveNext());
    }
}
