using System.Text.Json;
using CovidCt.Reporting.Files;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #20 (and the last note's leftovers): evaluate's "Wrote" line names every output, the console's AUC carries the
/// caveats report.html carries, figures are drawn with --quiet (they are part of the output folder), and a scoring batch
/// over the memory budget is warned about before any number.
/// </summary>
public sealed class EvaluateOutputLinesTests : IDisposable
{
    private readonly PhantomCohortRun _phantom = new();

    public void Dispose() => _phantom.Dispose();

    [Fact]
    public void The_wrote_line_names_parquet_and_the_patient_auc_carries_its_caveat()
    {
        var run = _phantom.Evaluate(_phantom.Models.Lesion(32));
        Assert.True(run.ExitCode == 0, run.Error);
        var wrote = run.Output.Split('\n').Single(l => l.StartsWith("Wrote ", StringComparison.Ordinal));
        Assert.Contains("parquet/", wrote, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(_phantom.Out, "parquet")));
        // 2 COVID-19 patients against 1 control: the same caveat report.html prints under the table, in the same words.
        Assert.Contains("Per patient AUC, caveat: n below 10 per class (2 diseased, 1 not)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Per patient AUC, caveat: n below 10 per class (2 diseased, 1 not)", File.ReadAllText(Path.Combine(_phantom.Out, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_draws_the_same_figures_report_html_shows()
    {
        var loud = _phantom.Evaluate(_phantom.Models.Lesion(32));
        Assert.True(loud.ExitCode == 0, loud.Error);
        var figure = Path.Combine(_phantom.Out, ErrorFigures.FolderName, "C1-slice001-fp.png");
        var expected = File.ReadAllBytes(figure);

        var quiet = _phantom.Evaluate(_phantom.Models.Lesion(32), "--quiet");
        Assert.True(quiet.ExitCode == 0, quiet.Error);
        Assert.Equal("", quiet.Output);
        Assert.Equal(expected, File.ReadAllBytes(figure));
        Assert.Contains("C1, slice 1: false positive", File.ReadAllText(Path.Combine(_phantom.Out, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_scoring_batch_over_the_memory_budget_is_warned_before_any_number_and_kept_in_metrics_json()
    {
        // The runtime alone is estimated at 512 MiB: a 100 MiB budget cannot hold even one batch.
        var run = _phantom.Evaluate(_phantom.Models.Lesion(32), "--memory-budget", "100M");
        Assert.True(run.ExitCode == 0, run.Error);
        var warning = run.Output.IndexOf("Warning: one scoring batch alone is estimated at", StringComparison.Ordinal);
        Assert.True(warning >= 0, run.Output);
        Assert.True(warning < run.Output.IndexOf("Running ", StringComparison.Ordinal), "the warning comes before scoring starts");
        Assert.True(warning < run.Output.IndexOf("Per patient", StringComparison.Ordinal), "the warning comes before any number");
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(_phantom.Out, "metrics.json")));
        Assert.Contains(metrics.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("one scoring batch alone", StringComparison.Ordinal));
    }

    [Fact]
    public void Within_the_budget_there_is_no_memory_warning()
    {
        var run = _phantom.Evaluate(_phantom.Models.Lesion(32));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("scoring batch alone", run.Output, StringComparison.Ordinal);
    }
}
