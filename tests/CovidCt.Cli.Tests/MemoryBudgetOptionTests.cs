using System.Text.Json;
using CovidCt.Cli.Commands;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #20, no idle core with bounded memory: <c>--memory-budget</c> on evaluate (and compare, sweep) sets the scoring's
/// <c>memory_budget_bytes</c>, which bounds the concurrent batches; a bad size is a usage error naming the option.
/// </summary>
public sealed class MemoryBudgetOptionTests : IDisposable
{
    private readonly TestModels _models = new();
    private readonly string _manifest;
    private readonly string _out;
    private readonly string _cache;

    public MemoryBudgetOptionTests()
    {
        _manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort")).Path;
        _out = Path.Combine(_models.Folder, "out");
        _cache = Path.Combine(_models.Folder, "cache");
    }

    public void Dispose() => _models.Dispose();

    [Theory]
    [InlineData("2G", 2L << 30)]
    [InlineData("1500M", 1500L << 20)]
    [InlineData("64k", 64L << 10)]
    [InlineData("1000000", 1_000_000L)]
    public void Sizes_are_read_in_powers_of_1024(string text, long bytes) => Assert.Equal(bytes, ByteSize.Parse(text, "--memory-budget"));

    [Theory]
    [InlineData("")]
    [InlineData("0G")]
    [InlineData("-1G")]
    [InlineData("2GB")]
    [InlineData("1.5G")]
    [InlineData("99999999999T")]
    public void A_size_that_is_not_a_positive_whole_number_is_refused_naming_the_option(string text)
    {
        var error = Assert.Throws<UsageException>(() => ByteSize.Parse(text, "--memory-budget"));
        Assert.Contains("--memory-budget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_runs_with_the_budget_given_and_records_it_in_the_pipeline()
    {
        var run = CliRun.Of(["evaluate", "--model", _models.Lesion(32), "--cohort", _manifest, "--out", _out, "--cache", _cache, "--memory-budget", "1G"]);
        Assert.True(run.ExitCode == 0, run.Error);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "metrics.json")));
        var scoring = metrics.RootElement.GetProperty("pipeline").GetProperty("options").GetProperty("scoring");
        Assert.Equal(1L << 30, scoring.GetProperty("memory_budget_bytes").GetInt64());
    }

    [Fact]
    public void A_bad_budget_on_the_command_line_exits_2_before_scoring()
    {
        var run = CliRun.Of(["evaluate", "--model", _models.Lesion(32), "--cohort", _manifest, "--out", _out, "--cache", _cache, "--memory-budget", "lots"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--memory-budget is 'lots'", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cache));
    }
}
