using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Cli.Tests;

/// <summary>
/// What a run says before its numbers: where it caches (the user's cache, not the repository) and writes, and at which
/// window PNG/JPEG sources are read; and that another --window reads other maps, never the cached ones of the first.
/// </summary>
public sealed class ReadWindowAndFoldersTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Evaluate_caches_in_the_user_cache_by_default_and_prints_both_folders()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort")).Path;
        var outFolder = Path.Combine(_models.Folder, "out");

        var run = CliRun.Of("evaluate", "--model", _models.Lesion(32), "--cohort", manifest, "--out", outFolder);

        Assert.Equal(0, run.ExitCode);
        var cache = Path.Combine(HermeticCache.Folder, "covidct", "probability-maps");
        Assert.Contains($"Cache: {cache}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Output: {outFolder}", run.Output, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.EnumerateDirectories(cache));
    }

    [Fact]
    public void A_slice_folder_without_a_window_gets_a_note_and_another_window_gets_other_maps()
    {
        var manifest = SliceCohort();
        var cache = Path.Combine(_models.Folder, "cache");
        string[] Evaluate(params string[] extra) => ["evaluate", "--model", _models.Lesion(32), "--cohort", manifest, "--out", Path.Combine(_models.Folder, "out"), "--cache", cache, .. extra];

        var atStudy = CliRun.Of(Evaluate());
        var atOther = CliRun.Of(Evaluate("--window", "1500/-600"));

        Assert.Equal((0, 0), (atStudy.ExitCode, atOther.ExitCode));
        Assert.Contains("Note: 1 PNG/JPEG source (p1) has no stated window and is read at the study's W1200/L-700", atStudy.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("no stated window", atOther.Output, StringComparison.Ordinal);
        Assert.Contains("(0 from the probability cache)", atOther.Output, StringComparison.Ordinal);
        Assert.Equal(2, Directory.EnumerateDirectories(cache).Count());
    }

    [Fact]
    public void A_malformed_window_exits_2_naming_the_option()
    {
        var run = CliRun.Of("inspect", SliceFolder(), "--window", "1500");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--window", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_says_which_window_a_slice_folder_is_read_with()
    {
        var run = CliRun.Of("inspect", SliceFolder());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Read window:   W1200/L-700", run.Output, StringComparison.Ordinal);
        Assert.Contains("Best fit:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_logit_model_exits_2_with_the_remedy_and_runs_with_output_activation_sigmoid()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort")).Path;
        string[] Evaluate(params string[] extra) => ["evaluate", "--model", _models.Logits(32), "--cohort", manifest, "--out", Path.Combine(_models.Folder, "out"), "--cache", Path.Combine(_models.Folder, "cache"), .. extra];

        var refused = CliRun.Of(Evaluate());
        var accepted = CliRun.Of(Evaluate("--output-activation", "sigmoid"));

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("looks like logits: add --output-activation sigmoid", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, accepted.ExitCode);
    }

    private string SliceFolder()
    {
        var folder = Path.Combine(_models.Folder, "p1");
        if (!Directory.Exists(folder)) SlicePngWriter.WriteSlices(Volumes.Axial(), StudyProtocol.LungWindow, folder);
        return folder;
    }

    private string SliceCohort()
    {
        SliceFolder();
        var manifest = Path.Combine(_models.Folder, "manifest.csv");
        File.WriteAllText(manifest, "patient_id,label,images,masks,split\np1,control,p1,,test\n");
        return manifest;
    }
}
