using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Opens the report.html of a phantom-cohort evaluation in headless Chromium (Debian's chromium; test.sh installs it when it
/// can) and checks that every chart drew and no script failed. The page itself records both on its root element.
/// </summary>
public sealed partial class ReportBrowserTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    private static string? Chromium() => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    [SkippableFact]
    public void Every_chart_of_the_report_renders_offline_without_script_errors()
    {
        var chromium = Chromium();
        Skip.If(chromium is null, "chromium is not installed (test.sh installs it with apt-get when run as root); the browser check of report.html is skipped");
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort")).Path;
        var outFolder = Path.Combine(_models.Folder, "out");
        var run = CliRun.Of("evaluate", "--model", _models.Lesion(32), "--cohort", manifest, "--out", outFolder, "--cache", Path.Combine(_models.Folder, "cache"), "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        var report = Path.Combine(outFolder, "report.html");
        var charts = ChartDiv().Matches(File.ReadAllText(report)).Count;
        // 2 ROC, the lesion-level FROC, 2 sweeps, 1 timeline per patient.
        Assert.Equal(5 + 3, charts);

        var dom = DumpDom(chromium!, report, Path.Combine(_models.Folder, "profile"));
        Assert.DoesNotMatch("data-script-errors=", dom);
        Assert.Matches($"data-charts-rendered=\"{charts}\"", dom);
        Assert.True(MainSvg().Matches(dom).Count >= charts, "each chart has plotly's main-svg");
    }

    private static string DumpDom(string chromium, string page, string profile)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}", "--virtual-time-budget=20000", "--dump-dom", new Uri(page).AbsoluteUri })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "chromium did not finish within 2 minutes");
        Assert.True(dom.Length > 0, $"chromium printed no DOM: {stderr.Result}");
        return dom;
    }

    [GeneratedRegex("<div class=\"chart[^\"]*\" id=")]
    private static partial Regex ChartDiv();

    [GeneratedRegex("class=\"main-svg\"")]
    private static partial Regex MainSvg();
}
