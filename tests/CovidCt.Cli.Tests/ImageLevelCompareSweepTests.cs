using System.Text.Json;
using CovidCt.Data;
using CovidCt.Data.Slices;
using CovidCt.Imaging;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #14 item 6 for compare and sweep: on an image-level cohort (unrelated slices) they print no patient-level table,
/// front or disagreement list, but the line evaluate prints saying why; compare's header counts images; their JSON has the
/// patient sections null with <c>per_patient_omitted</c>, as metrics.json; sweep.csv has no patient columns; and tuning by the
/// per-patient Youden's J is refused.
/// </summary>
public sealed class ImageLevelCompareSweepTests : IDisposable
{
    private static readonly HounsfieldWindow Window = new(1500, -600);
    private readonly TestModels _models = new();

    public ImageLevelCompareSweepTests()
    {
        Slice("a", 12);
        Slice("b", 0);
        Slice("c", 8);
    }

    public void Dispose() => _models.Dispose();

    private string File(string name) => Path.Combine(_models.Folder, name);

    // One 32x32 slice as images/NAME.png with masks/NAME.png: a body of soft tissue with lesion-density tissue in a square of side lesion (0 for none).
    private void Slice(string name, int lesion)
    {
        const int size = 32;
        var geometry = VolumeGeometry.Axial(size, size, 1, 1, 1);
        var voxels = new float[size * size];
        var labels = new byte[size * size];
        for (var i = 0; i < voxels.Length; i++)
        {
            var (x, y) = (i % size, i / size);
            var inside = x >= 8 && x < 8 + lesion && y >= 8 && y < 8 + lesion;
            voxels[i] = inside ? TestModels.LesionHu : x is >= 2 and < 30 && y is >= 2 and < 30 ? 40 : -1000;
            labels[i] = inside ? (byte)1 : (byte)0;
        }
        Directory.CreateDirectory(File("images"));
        Directory.CreateDirectory(File("masks"));
        SlicePngWriter.WriteSlice(new CtVolume(geometry, voxels, "generated"), 0, Window, File($"images/{name}.png"));
        SlicePngWriter.WriteMask(new LesionMask(geometry, labels, "generated"), 0, File($"masks/{name}.png"));
    }

    private CliRun Run(params string[] command) => CliRun.Of([.. command, "--images", File("images"), "--masks", File("masks"), "--window", "1500/-600",
        "--split", "all", "--valid-area", "none", "--cache", File("cache")]);

    private CliRun Compare(params string[] extra) => Run(["compare", "--model", _models.Lesion(32), "--model", _models.Silent(32), .. extra]);

    private CliRun Sweep(params string[] extra) =>
        Run(["sweep", "--model", _models.Lesion(32), "--out", File("sweep"), "--threshold", "0.3,0.5", "--min-pixels", "0,25", "--consecutive", "1..3", .. extra]);

    [Fact]
    public void Compare_counts_images_and_says_why_there_is_no_patient_comparison()
    {
        var run = Compare();

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(": 3 images (2 with lesions, 1 lesion-free), 3 slices with known truth", run.Output, StringComparison.Ordinal);
        Assert.Contains(CohortLevelText.NoPatientTable, run.Output, StringComparison.Ordinal);
        Assert.Contains("Per image", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Per patient", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("patients (", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("on which they disagree", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("The models agree on every patient", run.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"│\s*patient\s*│", run.Output);
    }

    [Fact]
    public void Compare_json_has_no_patient_sections_and_says_why()
    {
        var run = Compare("--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(CohortLevelText.NoPatientTable, root.GetProperty("per_patient_omitted").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("disagreements").ValueKind);
        Assert.All(root.GetProperty("models").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("per_patient").ValueKind));
        var pair = root.GetProperty("pairs")[0];
        Assert.Equal(JsonValueKind.Null, pair.GetProperty("per_patient").ValueKind);
        Assert.Equal(2, pair.GetProperty("per_image").GetProperty("mcnemar_sensitivity").GetProperty("only_a_correct").GetInt32());
    }

    [Fact]
    public void Sweep_shows_the_per_image_front_only_and_writes_no_patient_columns()
    {
        var run = Sweep();

        Assert.True(run.ExitCode == 0, run.Error);
        var all = run.Output + run.Error;
        Assert.Contains("over 3 images", all, StringComparison.Ordinal);
        Assert.Contains("on 3 images (split all)", run.Output, StringComparison.Ordinal);
        Assert.Contains(CohortLevelText.NoPatientTable, run.Output, StringComparison.Ordinal);
        Assert.Contains("Pareto front, per image", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Pareto front, per patient", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("per patient sensitivity", run.Output, StringComparison.Ordinal);
        var csv = System.IO.File.ReadAllLines(File("sweep/sweep.csv"));
        Assert.Equal(2 * 2 * 3 * 2 + 1, csv.Length);
        Assert.DoesNotContain("patient", csv[0], StringComparison.Ordinal);
        Assert.Equal(csv[0].Split(',').Length, csv[1].Split(',').Length);
    }

    [Fact]
    public void Sweep_json_has_no_patient_sections_and_says_why()
    {
        var run = Sweep("--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(CohortLevelText.NoPatientTable, root.GetProperty("per_patient_omitted").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("patients").ValueKind);
        Assert.Equal(3, root.GetProperty("slices").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("pareto_patient").ValueKind);
        Assert.NotEmpty(root.GetProperty("pareto_image").EnumerateArray());
        var study = root.GetProperty("study_default");
        Assert.Equal(JsonValueKind.Null, study.GetProperty("patient").ValueKind);
        Assert.Equal(JsonValueKind.Null, study.GetProperty("patient_counts").ValueKind);
        Assert.Equal(2, study.GetProperty("image_counts").GetProperty("tp").GetInt32());
    }

    [Fact]
    public void Sweep_refuses_to_tune_an_image_level_cohort_by_the_patient_rule()
    {
        var run = CliRun.Of("sweep", "--model", _models.Lesion(32), "--images", File("images"), "--masks", File("masks"), "--window", "1500/-600",
            "--tune-on", "val", "--report-on", "test", "--cache", File("cache"), "--out", File("sweep"));

        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("is an image-level cohort: --tune-on chooses the operating point by the per-patient Youden's J", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_refuses_to_tune_an_image_level_cohort_by_the_patient_rule()
    {
        var run = CliRun.Of("compare", "--model", _models.Lesion(32), "--model", _models.Silent(32), "--images", File("images"), "--masks", File("masks"),
            "--window", "1500/-600", "--tune-on", "val", "--report-on", "test", "--cache", File("cache"), "--out", File("compare"));

        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("is an image-level cohort: --tune-on chooses the operating point by the per-patient Youden's J", run.Error, StringComparison.Ordinal);
    }
}
