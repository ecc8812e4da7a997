using System.Text.Json;
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
    private readonly ImageLevelSlices _slices = new();

    public ImageLevelCompareSweepTests()
    {
        _slices.Slice("a", 12);
        _slices.Slice("b", 0);
        _slices.Slice("c", 8);
    }

    public void Dispose() => _slices.Dispose();

    private CliRun Run(params string[] command) => CliRun.Of([.. command, "--images", _slices.Images, "--masks", _slices.Masks, "--window", ImageLevelSlices.Window,
        "--split", "all", "--valid-area", "none", "--cache", _slices.File("cache")]);

    private CliRun Compare(params string[] extra) => Run(["compare", "--model", _slices.Models.Lesion(32), "--model", _slices.Models.Silent(32), .. extra]);

    private CliRun Sweep(params string[] extra) =>
        Run(["sweep", "--model", _slices.Models.Lesion(32), "--out", _slices.File("sweep"), "--threshold", "0.3,0.5", "--min-pixels", "0,25", "--consecutive", "1..3", .. extra]);

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
        var csv = System.IO.File.ReadAllLines(_slices.File("sweep/sweep.csv"));
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
        var run = CliRun.Of("sweep", "--model", _slices.Models.Lesion(32), "--images", _slices.Images, "--masks", _slices.Masks, "--window", ImageLevelSlices.Window,
            "--tune-on", "val", "--report-on", "test", "--cache", _slices.File("cache"), "--out", _slices.File("sweep"));

        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("is an image-level cohort: --tune-on chooses the operating point by the per-patient Youden's J", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_refuses_to_tune_an_image_level_cohort_by_the_patient_rule()
    {
        var run = CliRun.Of("compare", "--model", _slices.Models.Lesion(32), "--model", _slices.Models.Silent(32), "--images", _slices.Images, "--masks", _slices.Masks,
            "--window", ImageLevelSlices.Window, "--tune-on", "val", "--report-on", "test", "--cache", _slices.File("cache"), "--out", _slices.File("compare"));

        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("is an image-level cohort: --tune-on chooses the operating point by the per-patient Youden's J", run.Error, StringComparison.Ordinal);
    }
}
