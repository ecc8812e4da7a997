using System.Text.Json;
using CovidCt.Data;
using CovidCt.Data.Nifti;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #14, the silent geometry defaults: a NIfTI file with sform_code = qform_code = 0 and a DICOM series without Image
/// Orientation (Patient) are read as axial. Every command that reads them now says so, naming the file, the field and what was
/// assumed, before any number; evaluate keeps it in metrics.json, from the probability cache too. A PNG/JPEG folder, which
/// cannot state a geometry, gets a note instead.
/// </summary>
public sealed class ReadAssumptionWarningTests : IDisposable
{
    private const string NiftiWarning = "p1.nii, field 'sform_code, qform_code': both are 0, so the file states no orientation and was read as standard axial";
    private const string DicomWarning = "p2, field '(0020,0037) Image Orientation (Patient)': missing on all 4 slices, so the series was read as axial";
    private const int Size = 32;
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    private string File(string name) => Path.Combine(_models.Folder, name);

    // p1: a NIfTI file whose orientation codes were cleared (as some converters leave them); p2: a DICOM series without
    // orientation; both a square of soft tissue with a lesion-HU patch on the middle slices, in air.
    private string Cohort()
    {
        var geometry = VolumeGeometry.Axial(Size, Size, 4, 1, 2.5);
        var voxels = new float[geometry.VoxelCount];
        var mask = new byte[geometry.VoxelCount];
        for (var i = 0; i < voxels.Length; i++)
        {
            var (x, y, z) = (i % Size, i / Size % Size, i / (Size * Size));
            var lesion = z is 1 or 2 && x is >= 8 and < 16 && y is >= 8 and < 16;
            voxels[i] = lesion ? TestModels.LesionHu : x is >= 4 and < 28 && y is >= 4 and < 28 ? 40 : -1000;
            mask[i] = lesion ? (byte)1 : (byte)0;
        }
        NiftiWriter.Write(new CtVolume(geometry, voxels, "generated"), File("p1.nii"));
        using (var header = System.IO.File.OpenWrite(File("p1.nii")))
        {
            header.Position = 252; // qform_code, then sform_code (int16 each)
            header.Write(new byte[4]);
        }
        NiftiWriter.Write(new LesionMask(geometry, mask, "generated"), File("p1-mask.nii.gz"));
        for (var z = 0; z < 4; z++)
        {
            var stored = voxels.AsSpan(z * Size * Size, Size * Size).ToArray().Select(v => (short)(v == TestModels.LesionHu ? 40 + 1024 : v + 1024)).ToArray();
            new TestDicom { Rows = Size, Columns = Size, PixelSpacing = "1\\1", Orientation = null, Position = [0, 0, 2.5 * z], InstanceNumber = z + 1, Pixels = stored }
                .Save(File($"p2/{z}.dcm"));
        }
        var manifest = File("manifest.csv");
        System.IO.File.WriteAllText(manifest, "patient_id,label,images,masks,split\np1,covid,p1.nii,p1-mask.nii.gz,test\np2,control,p2,,test\n");
        return manifest;
    }

    [Fact]
    public void Evaluate_warns_of_each_assumption_once_before_the_numbers_and_keeps_it_in_metrics_json_from_the_cache_too()
    {
        var manifest = Cohort();
        string[] Evaluate(string output) => ["evaluate", "--model", _models.Lesion(Size), "--cohort", manifest, "--cache", File("cache"), "--out", File(output)];

        foreach (var output in new[] { "cold", "warm" })
        {
            var run = CliRun.Of(Evaluate(output));

            Assert.True(run.ExitCode == 0, run.Error);
            var all = run.Output + run.Error;
            foreach (var expected in new[] { NiftiWarning, DicomWarning })
            {
                Assert.True(all.IndexOf(WarningLine(all, expected), StringComparison.Ordinal) < all.IndexOf("Per patient", StringComparison.Ordinal), $"the warning came after the numbers:\n{all}");
            }
            using var metrics = JsonDocument.Parse(System.IO.File.ReadAllText(File($"{output}/metrics.json")));
            var kept = metrics.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();
            Assert.Single(kept, w => w.Contains(NiftiWarning, StringComparison.Ordinal));
            Assert.Single(kept, w => w.Contains(DicomWarning, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("compare")]
    [InlineData("sweep")]
    public void Compare_and_sweep_warn_of_each_assumption_before_any_number(string command)
    {
        var manifest = Cohort();
        string[] models = command == "compare" ? ["--model", _models.Lesion(Size), "--model", _models.Silent(Size)] : ["--model", _models.Lesion(Size), "--out", File("out")];

        var run = CliRun.Of([command, .. models, "--cohort", manifest, "--cache", File("cache")]);

        Assert.True(run.ExitCode == 0, run.Error);
        var all = run.Output + run.Error;
        foreach (var expected in new[] { NiftiWarning, DicomWarning })
        {
            Assert.True(all.IndexOf(WarningLine(all, expected), StringComparison.Ordinal) < all.IndexOf('%', StringComparison.Ordinal), all);
        }
    }

    [Fact]
    public void Compare_tune_on_warns_of_the_assumptions_made_on_its_tuning_split_too()
    {
        // The assumed files sit only in val, where the operating points are chosen; the report split (test) reads files that
        // state their geometry. Their warnings must still come before any number: the chosen points rest on them.
        Cohort();
        var geometry = VolumeGeometry.Axial(Size, Size, 4, 1, 2.5);
        foreach (var (name, lesion) in new[] { ("p3.nii.gz", true), ("p4.nii.gz", false) })
        {
            var voxels = new float[geometry.VoxelCount];
            for (var i = 0; i < voxels.Length; i++)
            {
                var (x, y, z) = (i % Size, i / Size % Size, i / (Size * Size));
                voxels[i] = lesion && z is 1 or 2 && x is >= 8 and < 16 && y is >= 8 and < 16 ? TestModels.LesionHu : x is >= 4 and < 28 && y is >= 4 and < 28 ? 40 : -1000;
            }
            NiftiWriter.Write(new CtVolume(geometry, voxels, "generated"), File(name));
        }
        var manifest = File("tune.csv");
        System.IO.File.WriteAllText(manifest, "patient_id,label,images,masks,split\np1,covid,p1.nii,p1-mask.nii.gz,val\np2,control,p2,,val\n" +
            "p3,covid,p3.nii.gz,,test\np4,control,p4.nii.gz,,test\n");

        var run = CliRun.Of("compare", "--model", _models.Lesion(Size), "--model", _models.Silent(Size), "--cohort", manifest, "--cache", File("cache"),
            "--tune-on", "val", "--report-on", "test", "--out", File("tuned"));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var all = run.Output + run.Error;
        foreach (var expected in new[] { NiftiWarning, DicomWarning })
        {
            Assert.True(all.IndexOf(WarningLine(all, expected), StringComparison.Ordinal) < all.IndexOf('%', StringComparison.Ordinal), all);
        }
    }

    [Fact]
    public void Cohort_check_inspect_and_detect_say_what_was_assumed()
    {
        var manifest = Cohort();

        var check = CliRun.Of("cohort", "check", manifest);
        var inspect = CliRun.Of("inspect", File("p1.nii"));
        var json = CliRun.Of("inspect", File("p2"), "--json");
        var detect = CliRun.Of("detect", File("p2"), "--model", _models.Lesion(Size), "--out", File("figures"));

        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        WarningLine(check.Output, NiftiWarning);
        WarningLine(check.Output, DicomWarning);
        Assert.True(inspect.ExitCode == 0, inspect.Error);
        // First, before the geometry it qualifies.
        Assert.Equal(WarningLine(inspect.Output, NiftiWarning), inspect.Output.Split('\n')[0]);
        Assert.True(json.ExitCode == 0, json.Error);
        using (var document = JsonDocument.Parse(json.Output))
        {
            Assert.Contains(DicomWarning, Assert.Single(document.RootElement.GetProperty("warnings").EnumerateArray()).GetString()!, StringComparison.Ordinal);
        }
        Assert.True(detect.ExitCode == 0, detect.Error);
        WarningLine(detect.Output + detect.Error, DicomWarning);
    }

    // The one line that holds expected, which must be a warning.
    private static string WarningLine(string all, string expected)
    {
        var line = Assert.Single(all.Split('\n'), l => l.Contains(expected, StringComparison.Ordinal));
        Assert.StartsWith("Warning: ", line, StringComparison.Ordinal);
        return line;
    }

    [Fact]
    public void A_NIfTI_file_that_states_its_geometry_gives_no_warning()
    {
        var geometry = VolumeGeometry.Axial(Size, Size, 2, 0.7, 2.5);
        NiftiWriter.Write(new CtVolume(geometry, new float[geometry.VoxelCount], "generated"), File("ours.nii.gz"));

        var run = CliRun.Of("inspect", File("ours.nii.gz"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("Warning", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_of_PNG_slices_is_noted_as_ordered_by_file_name_and_a_single_image_is_not()
    {
        var geometry = VolumeGeometry.Axial(Size, Size, 3, 1, 1);
        SlicePngWriter.WriteSlices(new CtVolume(geometry, new float[geometry.VoxelCount], "generated"), new HounsfieldWindow(1500, -600), File("png"));

        var detect = CliRun.Of("detect", File("png"), "--model", _models.Lesion(Size), "--window", "1500/-600", "--out", File("figures"));
        var single = CliRun.Of("detect", File("png/slice_0001.png"), "--model", _models.Lesion(Size), "--window", "1500/-600", "--out", File("one.png"));

        Assert.True(detect.ExitCode == 0, detect.Error);
        // A note, not a warning: PNG/JPEG files cannot state a geometry, so nothing about the input is suspicious.
        Assert.Contains($"Note: the slices of {File("png")} carry no geometry: slices are read in natural file-name order", detect.Output + detect.Error, StringComparison.Ordinal);
        Assert.DoesNotContain((detect.Output + detect.Error).Split('\n'), l => l.StartsWith("Warning:", StringComparison.Ordinal) && l.Contains("geometry", StringComparison.Ordinal));
        Assert.True(single.ExitCode == 0, single.Error);
        Assert.DoesNotContain("carry no geometry", single.Output + single.Error, StringComparison.Ordinal);
    }
}
