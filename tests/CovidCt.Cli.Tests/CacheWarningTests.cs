using System.Text.Json;

namespace CovidCt.Cli.Tests;

/// <summary>A probability cache that cannot be written is a warning of the run, shown where its other warnings are.</summary>
public sealed class CacheWarningTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TestModels _models = new();

    public void Dispose()
    {
        _models.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void An_unwritable_cache_is_warned_on_the_console_in_metrics_json_and_in_the_report_and_the_numbers_stay()
    {
        var model = _models.Lesion(32);
        var manifest = PhantomCohort.Write(_folder.File("cohort")).Path;
        var cache = _folder.File("cache");
        string[] Evaluate(string output) => ["evaluate", "--model", model, "--cohort", manifest, "--cache", cache, "--out", _folder.File(output), "--quiet"];
        var first = CliRun.Of(Evaluate("first"));
        Assert.True(first.ExitCode == 0, first.Error);
        // A folder where each map file should go: the maps are scored again and the rename onto it fails, as on a full disk.
        foreach (var map in Directory.GetFiles(cache, "*.pmap", SearchOption.AllDirectories))
        {
            File.Delete(map);
            Directory.CreateDirectory(map);
        }

        var second = CliRun.Of(Evaluate("second"));

        Assert.True(second.ExitCode == 0, second.Error);
        var console = second.Output + second.Error;
        Assert.Contains("Warning: the probability cache ", console, StringComparison.Ordinal);
        Assert.Contains("cannot be written", console, StringComparison.Ordinal);
        using var metrics = JsonDocument.Parse(File.ReadAllText(_folder.File("second/metrics.json")));
        Assert.Contains(metrics.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("cannot be written", StringComparison.Ordinal));
        Assert.Contains("cannot be written", File.ReadAllText(_folder.File("second/report.html")));
        Assert.Equal(File.ReadAllText(_folder.File("first/slices.csv")), File.ReadAllText(_folder.File("second/slices.csv")));
    }
}
