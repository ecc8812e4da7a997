using CovidCt.Data.Cohorts;
using CovidCt.Data.Nifti;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Data.Tests.Cohorts;

/// <summary>The manifest's window column: parsed per row, refused with file, line and field when malformed or misplaced, and what the reader reads with.</summary>
public sealed class CohortWindowTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("1500")]
    [InlineData("wide/-600")]
    [InlineData("0/-600")]
    [InlineData("-10/40")]
    public void A_malformed_window_is_refused_with_line_and_field(string window)
    {
        var manifest = Manifest($"p1,control,p1,,test,{window}\n");

        var e = Assert.Throws<CohortValidationException>(() => CohortManifest.Load(manifest));

        var problem = Assert.Single(e.Problems);
        Assert.Equal((2, "window"), (problem.Line, problem.Field));
        Assert.Contains("not a window", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_on_a_NIfTI_source_is_refused()
    {
        NiftiWriter.Write(Volumes.Axial(), _folder.File("p2.nii.gz"));
        var manifest = Manifest("p1,control,p1,,test,\np2,control,p2.nii.gz,,test,400/40\n");

        var e = Assert.Throws<CohortValidationException>(() => CohortManifest.Load(manifest));

        var problem = Assert.Single(e.Problems);
        Assert.Equal((3, "window"), (problem.Line, problem.Field));
    }

    [Fact]
    public void The_row_window_wins_the_default_fills_the_rest_and_the_reader_reads_with_them()
    {
        SlicePngWriter.WriteSlices(Volumes.Axial(), new HounsfieldWindow(400, 40), _folder.File("p3"));
        var manifest = Manifest("p1,control,p1,,test,400/40\np3,control,p3,,test,\n");

        var loaded = CohortManifest.Load(manifest, new CtReadOptions { Window = new HounsfieldWindow(2000, 0) });
        var patients = CohortReader.ReadPatients(loaded).ToList();

        Assert.Equal(new HounsfieldWindow(400, 40), loaded.Entries[0].Window);
        Assert.Equal(new HounsfieldWindow(2000, 0), loaded.Entries[1].Window);
        Assert.Equal(ReadAt("p1", new HounsfieldWindow(400, 40)), patients[0].Volume.Hounsfield);
        Assert.Equal(ReadAt("p3", new HounsfieldWindow(2000, 0)), patients[1].Volume.Hounsfield);
    }

    [Fact]
    public void Without_a_window_a_slice_folder_has_none_and_reads_at_the_study_window()
    {
        var loaded = CohortManifest.Load(Manifest("p1,control,p1,,test,\n"));

        Assert.Null(loaded.Entries[0].Window);
        Assert.Equal(ReadAt("p1", StudyProtocol.LungWindow), CohortReader.ReadPatients(loaded).Single().Volume.Hounsfield);
    }

    private float[] ReadAt(string folder, HounsfieldWindow window) => CtReader.Read(_folder.File(folder), new CtReadOptions { Window = window }).Hounsfield.ToArray();

    private string Manifest(string rows)
    {
        if (!Directory.Exists(_folder.File("p1"))) SlicePngWriter.WriteSlices(Volumes.Axial(), StudyProtocol.LungWindow, _folder.File("p1"));
        var manifest = _folder.File("manifest.csv");
        File.WriteAllText(manifest, "patient_id,label,images,masks,split,window\n" + rows);
        return manifest;
    }
}
