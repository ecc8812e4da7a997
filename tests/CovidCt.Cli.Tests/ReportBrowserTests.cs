using System.Text.RegularExpressions;
using CovidCt.Testing.Browser;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Opens the report.html of a phantom-cohort evaluation in headless Chromium (Debian's chromium; test.sh installs it when it
/// can) and checks that every chart drew and no script failed. The page itself records both on its root element.
/// </summary>
public sealed partial class ReportBrowserTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [SkippableFact]
    public void Every_chart_of_the_report_renders_offline_without_script_errors()
    {
        HeadlessChromium.Require();
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort")).Path;
        var outFolder = Path.Combine(_models.Folder, "out");
        var run = CliRun.Of("evaluate", "--model", _models.Lesion(32), "--cohort", manifest, "--out", outFolder, "--cache", Path.Combine(_models.Folder, "cache"), "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        var report = Path.Combine(outFolder, "report.html");
        var charts = ChartDiv().Matches(File.ReadAllText(report)).Count;
        // 2 ROC, the lesion-level FROC, 2 sweeps, 1 timeline per patient.
        Assert.Equal(5 + 3, charts);

        var dom = HeadlessChromium.DumpDom(report);
        Assert.DoesNotMatch("data-script-errors=", dom);
        Assert.Matches($"data-charts-rendered=\"{charts}\"", dom);
        Assert.True(MainSvg().Matches(dom).Count >= charts, "each chart has plotly's main-svg");
    }

    [GeneratedRegex("<div class=\"chart[^\"]*\" id=")]
    private static partial Regex ChartDiv();

    [GeneratedRegex("class=\"main-svg\"")]
    private static partial Regex MainSvg();
}
