using System.Text.Json;
using CovidCt.Data.Slices;
using CovidCt.Imaging;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #20, item 3: every command that scores says, before any number, when one scoring batch is estimated above the memory
/// budget, and keeps it in its machine-readable output: detect (its --json) and sweep (its --json and its output folder), as
/// evaluate does (EvaluateOutputLinesTests). The runtime alone is estimated at 512 MiB, so a 100 MiB budget cannot hold one batch.
/// </summary>
public sealed class BudgetWarningTests : IDisposable
{
    private const string Warning = "Warning: one scoring batch alone is estimated at";
    private readonly PhantomCohortRun _phantom = new();

    public void Dispose() => _phantom.Dispose();

    private string Folder(string name) => Path.Combine(_phantom.Models.Folder, name);

    [Fact]
    public void Detect_warns_before_any_number_and_keeps_the_warning_in_its_json()
    {
        // detect has no --memory-budget of its own: the budget comes with the pipeline definition.
        var upload = Folder("upload.png");
        SlicePngWriter.WriteSlice(Phantom.Volume([Phantom.UpperLeft]), 0, StudyProtocol.LungWindow, upload);
        var definition = Folder("pipeline.json");
        PipelineDefinition.Create(_phantom.Models.Lesion(32), new PipelineOptions { Scoring = { MemoryBudgetBytes = 100L << 20 } }).Save(definition);

        var text = CliRun.Of("detect", upload, "--pipeline", definition, "--out", Folder("boxes.png"));
        Assert.True(text.ExitCode == 0, text.Error);
        var warning = text.Output.IndexOf(Warning, StringComparison.Ordinal);
        Assert.True(warning >= 0, text.Output);
        Assert.True(warning < text.Output.IndexOf("box(es)", StringComparison.Ordinal), "the warning comes before any number");

        var json = CliRun.Of("detect", upload, "--pipeline", definition, "--out", Folder("boxes.png"), "--json");
        Assert.True(json.ExitCode == 0, json.Error);
        Assert.Contains(Warning, json.Error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Contains(document.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("one scoring batch alone", StringComparison.Ordinal));
    }

    [Fact]
    public void Within_the_budget_detect_has_no_memory_warning()
    {
        var upload = Folder("upload.png");
        SlicePngWriter.WriteSlice(Phantom.Volume([Phantom.UpperLeft]), 0, StudyProtocol.LungWindow, upload);
        var json = CliRun.Of("detect", upload, "--model", _phantom.Models.Lesion(32), "--out", Folder("boxes.png"), "--json");
        Assert.True(json.ExitCode == 0, json.Error);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(0, document.RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void Sweep_warns_before_scoring_and_keeps_the_warning_in_its_folder_and_json()
    {
        var run = _phantom.Run("sweep", _phantom.Models.Lesion(32), "--memory-budget", "100M");
        Assert.True(run.ExitCode == 0, run.Error);
        var warning = run.Output.IndexOf(Warning, StringComparison.Ordinal);
        Assert.True(warning >= 0, run.Output);
        Assert.True(warning < run.Output.IndexOf("Sweeping ", StringComparison.Ordinal), "the warning comes before scoring starts");
        Assert.True(warning < run.Output.IndexOf("settings of", StringComparison.Ordinal), "the warning comes before any number");
        Assert.Equal(run.Output.IndexOf(Warning, StringComparison.Ordinal), run.Output.LastIndexOf(Warning, StringComparison.Ordinal));
        Assert.Contains(File.ReadAllLines(Path.Combine(_phantom.Out, "warnings.txt")), w => w.StartsWith("one scoring batch alone", StringComparison.Ordinal));

        var json = _phantom.Run("sweep", _phantom.Models.Lesion(32), "--memory-budget", "100M", "--json");
        Assert.True(json.ExitCode == 0, json.Error);
        Assert.Contains(Warning, json.Error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Contains(document.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("one scoring batch alone", StringComparison.Ordinal));
    }

    [Fact]
    public void Within_the_budget_sweep_writes_no_warnings_file()
    {
        var run = _phantom.Run("sweep", _phantom.Models.Lesion(32), "--framing", "image");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("scoring batch alone", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_phantom.Out, "warnings.txt")));
    }

    [Fact]
    public void Compare_warns_before_its_first_model_runs_and_once()
    {
        // Two models on one machine over the budget: one warning, said before either runs (a run it warns about may be killed).
        var run = CliRun.Of(["compare", "--model", _phantom.Models.Lesion(32), "--model", _phantom.Models.Silent(32), "--cohort", _phantom.Manifest,
            "--cache", _phantom.Cache, "--memory-budget", "100M"]);
        Assert.True(run.ExitCode == 0, run.Error);
        var text = run.Output + run.Error;
        var warning = text.IndexOf(Warning, StringComparison.Ordinal);
        Assert.True(warning >= 0, text);
        Assert.Equal(warning, text.LastIndexOf(Warning, StringComparison.Ordinal));
        var firstRun = text.IndexOf("Running ", StringComparison.Ordinal);
        Assert.True(firstRun >= 0, text);
        Assert.True(warning < firstRun, "the warning comes before the first model runs");
    }
}
