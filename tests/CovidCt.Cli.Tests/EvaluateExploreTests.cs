namespace CovidCt.Cli.Tests;

/// <summary>
/// <c>covidct evaluate --explore</c>: report.html carries the live operating-point explorer (a sweep of the default grid on the
/// cached maps) only when asked, and a clustered run, whose maps stay on its workers, refuses it.
/// </summary>
public sealed class EvaluateExploreTests : IDisposable
{
    private const string Explorer = "class=\"covidct-explorer\"";
    private readonly TestModels _models = new();
    private readonly string _manifest;
    private readonly string _cache;

    public EvaluateExploreTests()
    {
        _manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort")).Path;
        _cache = Path.Combine(_models.Folder, "cache");
    }

    public void Dispose() => _models.Dispose();

    private string Report(string name, params string[] extra)
    {
        var outFolder = Path.Combine(_models.Folder, name);
        var run = CliRun.Of(["evaluate", "--model", _models.Lesion(32), "--cohort", _manifest, "--out", outFolder, "--cache", _cache, .. extra]);
        Assert.True(run.ExitCode == 0, run.Error);
        return File.ReadAllText(Path.Combine(outFolder, "report.html"));
    }

    [Fact]
    public void Report_carries_the_explorer_only_with_explore()
    {
        Assert.DoesNotContain(Explorer, Report("plain"), StringComparison.Ordinal);
        Assert.Contains(Explorer, Report("explored", "--explore"), StringComparison.Ordinal);
    }

    [Fact]
    public void Explore_with_a_cluster_is_a_usage_error_naming_both_options()
    {
        var run = CliRun.Of(["evaluate", "--model", _models.Lesion(32), "--cohort", _manifest, "--out", Path.Combine(_models.Folder, "clustered"),
            "--cache", _cache, "--cluster", "127.0.0.1:11111", "--explore"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--explore", run.Error, StringComparison.Ordinal);
        Assert.Contains("--cluster", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_models.Folder, "clustered")));
    }
}
