using System.Text.Json;
using CovidCt.Data;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #14, the silent fallback of body framing: a case with no pixel above −500 HU is given to the model as its whole slice;
/// evaluate, compare and sweep say so before any number (after the progress: each checks the case on the volume it reads for
/// scoring, none reads a case twice), and evaluate's metrics.json and report.html keep the warning.
/// </summary>
public sealed class AllAirFramingWarningTests : IDisposable
{
    private static readonly HounsfieldWindow Window = new(1500, -600);
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    private string File(string name) => Path.Combine(_models.Folder, name);

    private void Slice(string name, float body)
    {
        const int size = 32;
        var geometry = VolumeGeometry.Axial(size, size, 1, 1, 1);
        var voxels = new float[size * size];
        for (var i = 0; i < voxels.Length; i++) voxels[i] = i % size is >= 4 and < 28 && i / size is >= 4 and < 28 ? body : -1000;
        Directory.CreateDirectory(File("images"));
        Directory.CreateDirectory(File("masks"));
        SlicePngWriter.WriteSlice(new CtVolume(geometry, voxels, "generated"), 0, Window, File($"images/{name}.png"));
        SlicePngWriter.WriteMask(new LesionMask(geometry, new byte[size * size], "generated"), 0, File($"masks/{name}.png"));
    }

    [Fact]
    public void An_all_air_image_is_a_warning_in_the_run_in_metrics_json_and_in_the_report()
    {
        Slice("chest", 40);
        Slice("air", -1000);

        var run = CliRun.Of("evaluate", "--model", _models.Lesion(32), "--images", File("images"), "--masks", File("masks"), "--window", "1500/-600",
            "--split", "all", "--valid-area", "none", "--cache", File("cache"), "--out", File("out"));

        Assert.True(run.ExitCode == 0, run.Error);
        var all = run.Output + run.Error;
        Assert.Contains("Warning: air: no pixel above -500 HU", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning: chest:", all, StringComparison.Ordinal);
        using var metrics = JsonDocument.Parse(System.IO.File.ReadAllText(File("out/metrics.json")));
        var warning = Assert.Single(metrics.RootElement.GetProperty("warnings").EnumerateArray()).GetString()!;
        Assert.StartsWith("air: no pixel above -500 HU", warning, StringComparison.Ordinal);
        Assert.Contains("the model saw the whole slice", warning, StringComparison.Ordinal);
        Assert.Contains("Warning: air: no pixel above -500 HU", System.IO.File.ReadAllText(File("out/report.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compare")]
    [InlineData("sweep")]
    public void Compare_and_sweep_warn_of_an_all_air_image_before_any_number(string command)
    {
        Slice("chest", 40);
        Slice("air", -1000);
        string[] models = command == "compare" ? ["--model", _models.Lesion(32), "--model", _models.Silent(32)] : ["--model", _models.Lesion(32), "--out", File("out")];

        var run = CliRun.Of([command, .. models, "--images", File("images"), "--masks", File("masks"), "--window", "1500/-600",
            "--split", "all", "--valid-area", "none", "--cache", File("cache")]);

        Assert.True(run.ExitCode == 0, run.Error);
        var all = run.Output + run.Error;
        var warning = all.IndexOf("Warning: air: no pixel above -500 HU", StringComparison.Ordinal);
        Assert.True(warning >= 0, all);
        Assert.DoesNotContain("Warning: chest:", all, StringComparison.Ordinal);
        // Before the first figure of any table (percentages).
        Assert.True(warning < all.IndexOf('%', StringComparison.Ordinal), all);
    }
}
