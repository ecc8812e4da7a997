using System.Text.Json;
using CovidCt.Reporting.Files;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #20, "figures not at all when none are asked for": <c>evaluate --figures none</c> draws no PNG, and says so where a
/// reader would look for them (the console's "Wrote" line and report.html's gallery), with every number unchanged.
/// </summary>
public sealed class EvaluateFiguresOptionTests : IDisposable
{
    private readonly PhantomCohortRun _phantom = new();

    public void Dispose() => _phantom.Dispose();

    [Fact]
    public void Figures_none_draws_no_png_says_so_in_the_console_and_report_html_and_changes_no_number()
    {
        var drawn = _phantom.Evaluate(_phantom.Models.Lesion(32));
        Assert.True(drawn.ExitCode == 0, drawn.Error);
        var metrics = Numbers(File.ReadAllText(Path.Combine(_phantom.Out, "metrics.json")));
        var slices = File.ReadAllText(Path.Combine(_phantom.Out, "slices.csv"));

        var none = _phantom.Evaluate(_phantom.Models.Lesion(32), "--figures", "none");
        Assert.True(none.ExitCode == 0, none.Error);
        var figures = Path.Combine(_phantom.Out, ErrorFigures.FolderName);
        Assert.False(Directory.Exists(figures) && Directory.EnumerateFiles(figures).Any(), "no figure is drawn");
        Assert.Contains("no red-box figures (not drawn: --figures none)", none.Output.Split('\n').Single(l => l.StartsWith("Wrote ", StringComparison.Ordinal)), StringComparison.Ordinal);
        var report = File.ReadAllText(Path.Combine(_phantom.Out, "report.html"));
        // The phantom run has one wrong slice, a false positive: the page counts it instead of showing an empty gallery.
        Assert.Contains("Figures were not drawn (covidct evaluate --figures none). The run has 1 false-positive and 0 false-negative slices", report, StringComparison.Ordinal);
        Assert.DoesNotContain("<figure><img", report, StringComparison.Ordinal);
        Assert.Equal(metrics, Numbers(File.ReadAllText(Path.Combine(_phantom.Out, "metrics.json"))));
        Assert.Equal(slices, File.ReadAllText(Path.Combine(_phantom.Out, "slices.csv")));
    }

    [Fact]
    public void An_unknown_figures_value_is_refused_naming_the_choices()
    {
        var run = _phantom.Evaluate(_phantom.Models.Lesion(32), "--figures", "all");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("errors", run.Error, StringComparison.Ordinal);
        Assert.Contains("none", run.Error, StringComparison.Ordinal);
    }

    // metrics.json without the run's clock and folders: what the numbers are.
    private static string Numbers(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("per_image").GetRawText() + document.RootElement.GetProperty("per_patient").GetRawText();
    }
}
