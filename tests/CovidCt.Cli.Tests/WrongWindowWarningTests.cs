using CovidCt.Data.Nifti;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #14, Why, "Window": a PNG folder exported at about W2700/L330 was read at the study's W1200/L-700 and scored
/// nothing, without a word; evaluate, compare and sweep had no window option. Now each takes --window, and a wrong read
/// window is warned about before any number.
/// </summary>
public sealed class WrongWindowWarningTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void A_folder_read_at_the_wrong_window_is_warned_about_before_any_number_and_the_stated_window_is_not()
    {
        var manifest = WideWindowCohort();
        string[] Evaluate(params string[] extra) =>
            ["evaluate", "--model", _models.Lesion(32), "--cohort", manifest, "--out", Path.Combine(_models.Folder, "out"), "--cache", Path.Combine(_models.Folder, "cache"), .. extra];

        var unstated = CliRun.Of(Evaluate());
        var stated = CliRun.Of(Evaluate("--window", "2700/330"));

        Assert.True(unstated.ExitCode == 0, unstated.Error);
        Assert.True(stated.ExitCode == 0, stated.Error);
        var warning = unstated.Output.IndexOf("Warning:", StringComparison.Ordinal);
        Assert.True(warning >= 0, $"no warning for a W2700/L330 export read at W1200/L-700:\n{unstated.Output}");
        Assert.True(warning < unstated.Output.IndexOf("Per patient", StringComparison.Ordinal), $"the warning came after the numbers:\n{unstated.Output}");
        Assert.DoesNotContain("Warning:", stated.Output + stated.Error, StringComparison.Ordinal);
    }

    /// <summary>The Why named compare and sweep too: they take --window and check the slices at it.</summary>
    [Theory]
    [InlineData("compare")]
    [InlineData("sweep")]
    public void Compare_and_sweep_take_the_window_and_warn_without_it(string verb)
    {
        var manifest = WideWindowCohort();
        var cache = Path.Combine(_models.Folder, "cache");
        string[] Run(params string[] extra) => verb == "compare"
            ? ["compare", "--model", _models.Lesion(32), "--model", _models.Silent(32), "--cohort", manifest, "--cache", cache, .. extra]
            : ["sweep", "--model", _models.Lesion(32), "--cohort", manifest, "--cache", cache, "--out", Path.Combine(_models.Folder, "out"),
               "--threshold", "0.3:0.9:0.2", "--min-pixels", "0,25", "--consecutive", "1..3", .. extra];

        var unstated = CliRun.Of(Run());
        var stated = CliRun.Of(Run("--window", "2700/330"));

        Assert.True(unstated.ExitCode == 0, unstated.Error);
        Assert.True(stated.ExitCode == 0, stated.Error);
        Assert.Contains("Warning:", unstated.Output + unstated.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning:", stated.Output + stated.Error, StringComparison.Ordinal);
    }

    // A procedural chest of the default cohort (air, fat, muscle, lungs) exported as a researcher's PNG folder at a wide window.
    private string WideWindowCohort()
    {
        var volume = NiftiReader.ReadVolume(Repository.File("datasets", "default", "images", "sim-003.nii.gz"));
        SlicePngWriter.WriteSlices(volume, new HounsfieldWindow(2700, 330), Path.Combine(_models.Folder, "sim-003"));
        var manifest = Path.Combine(_models.Folder, "manifest.csv");
        File.WriteAllText(manifest, "patient_id,label,images,masks,split\nsim-003,covid,sim-003,,test\n");
        return manifest;
    }
}
