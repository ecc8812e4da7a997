using System.Text.Json;
using CovidCt.Data;
using CovidCt.Data.Slices;
using CovidCt.Imaging;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Image-level cohorts on the command line: <c>inspect</c> describes a folder of slices of different sizes instead of refusing
/// it, and <c>evaluate --images --masks</c> gives per-image and lesion-level results with no per-patient table, saying why.
/// The real-data tests read ../shared/data/covid-semiseg-doctor50 (50 cropped COVID-19 slices with doctors' masks; never
/// committed), at the window its histogram fits (W1290/L-560).
/// </summary>
public sealed class ImageLevelCohortTests : IDisposable
{
    private const string Doctor50Window = "1290/-560";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Doctor50()
    {
        Skip.If(SharedData.Root is null, $"{SharedData.Variable} is not set; set it to the shared data folder to run the covid-semiseg-doctor50 tests");
        var folder = Path.Combine(SharedData.Root!, "covid-semiseg-doctor50");
        Assert.True(Directory.Exists(Path.Combine(folder, "images")), $"{SharedData.Variable}={SharedData.Root} but {folder}/images does not exist");
        return folder;
    }

    [Fact]
    public void Inspect_describes_a_folder_of_slices_of_different_sizes()
    {
        Directory.CreateDirectory(_folder.File("mixed"));
        foreach (var (name, width, height) in new[] { ("1", 20, 16), ("2", 13, 29), ("3", 20, 16) })
        {
            var volume = new CtVolume(VolumeGeometry.Axial(width, height, 1, 1, 1), new float[width * height], "generated");
            SlicePngWriter.WriteSlice(volume, 0, new HounsfieldWindow(1500, -600), _folder.File($"mixed/{name}.png"));
        }

        var run = CliRun.Of("inspect", _folder.File("mixed"), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal((3, 2), (json.RootElement.GetProperty("images").GetInt32(), json.RootElement.GetProperty("distinct_sizes").GetInt32()));
        Assert.Equal(("20x16", "13x29"), (json.RootElement.GetProperty("smallest_size").GetString(), json.RootElement.GetProperty("largest_size").GetString()));
    }

    [Fact]
    public void Images_without_masks_is_a_usage_error()
    {
        var run = CliRun.Of("evaluate", "--images", _folder.Path, "--out", _folder.File("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--images needs --masks too", run.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Inspect_reports_the_sizes_and_window_of_covid_semiseg_doctor50()
    {
        var folder = Doctor50();

        var run = CliRun.Of("inspect", Path.Combine(folder, "images"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Images:        50, 49 sizes", run.Output, StringComparison.Ordinal);
        Assert.Contains("Best fit:      W1290/L-560", run.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Evaluate_on_covid_semiseg_doctor50_gives_image_and_lesion_tables_and_no_patient_table()
    {
        var folder = Doctor50();
        var outFolder = _folder.File("out");

        var run = CliRun.Of("evaluate", "--images", Path.Combine(folder, "images"), "--masks", Path.Combine(folder, "masks"), "--window", Doctor50Window,
            "--split", "all", "--valid-area", "none", "--cache", _folder.File("cache"), "--out", outFolder);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(CohortLevelText.NoPatientTable, run.Output, StringComparison.Ordinal);
        Assert.Contains("Per image (50 slices with known truth)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Lesions found (hit rate)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Per patient", run.Output, StringComparison.Ordinal);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "metrics.json")));
        var root = metrics.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("per_patient").ValueKind);
        Assert.Equal(CohortLevelText.NoPatientTable, root.GetProperty("per_patient_omitted").GetString());
        Assert.Equal(50, root.GetProperty("per_image").GetProperty("images").GetInt32());
        var lesions = root.GetProperty("lesions");
        Assert.Equal(50, lesions.GetProperty("images").GetInt32());
        Assert.True(lesions.GetProperty("lesions").GetInt32() >= 50, "every doctor50 mask holds at least one lesion");
        Assert.Equal(7, lesions.GetProperty("froc").GetProperty("at_rates").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(outFolder, "lesions.csv")));
        Assert.True(File.Exists(Path.Combine(outFolder, "lesion-slices.csv")));
        Assert.False(File.Exists(Path.Combine(outFolder, "patients.csv")));
        var report = File.ReadAllText(Path.Combine(outFolder, "report.html"));
        Assert.Contains("Lesion level", report, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(CohortLevelText.NoPatientTable), report, StringComparison.Ordinal);
        Assert.DoesNotContain("timeline-", report, StringComparison.Ordinal);
    }
}
