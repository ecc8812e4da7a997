using System.Text.RegularExpressions;
using CovidCt.Interactive.Pages;
using CovidCt.Interactive.Tests.Formatting;
using CovidCt.Metrics;
using CovidCt.Reporting.Plots;
using CovidCt.Testing.Browser;

namespace CovidCt.Interactive.Tests.Pages;

public sealed partial class NotebookPageTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("covidct-page-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static NotebookPage Page()
    {
        var curve = Roc.FromScores(labels: [true, true, false, true, false, false], scores: [0.9, 0.8, 0.7, 0.4, 0.3, 0.2]);
        return new NotebookPage("02 · Evaluate <a> model")
            .Heading("Tables")
            .Show(DiagnosticMetrics.Compute(new ConfusionCounts(6, 0, 6, 0)))
            .Heading("Charts")
            .Show(Reporting.Plots.Charts.Roc("ROC", ("model", curve)))
            .Show(Reporting.Plots.Charts.Heatmap("Heatmap", [0.3, 0.5], [1, 2], [[1.0, 0.5], [0.25, null]], "threshold", "k", "sensitivity"))
            .Show(Detections.Outcome(Detections.Positive("p1"), true, false, true, true, true, false));
    }

    [Fact]
    public void The_page_embeds_plotly_once_shows_results_through_the_formatters_and_encodes_text()
    {
        var html = Page().ToHtml();

        Assert.Single(PlotlyStart().Matches(html));
        Assert.Equal(2, ChartDiv().Matches(html).Count);
        Assert.Contains("Evaluate &lt;a&gt; model</title>", html);
        Assert.Contains("class=\"covidct\"", html); // the platform's table formatter
        Assert.Contains("<svg", html); // the timeline
        Assert.DoesNotContain("<script src=", html); // plotly.js is inline, never fetched
    }

    [SkippableFact]
    public void Every_chart_of_the_page_renders_in_chromium_with_the_network_disabled()
    {
        HeadlessChromium.Require();
        var path = Page().Write(Path.Combine(_folder.FullName, "sub", "page.html"));

        var dom = HeadlessChromium.DumpDom(path);

        Assert.Contains($"{PlotlyHtml.RenderedAttribute}=\"2\"", dom);
        Assert.True(MainSvg().Matches(dom).Count >= 2, "each chart has plotly's main-svg");
    }

    [SkippableFact]
    public void A_chart_exports_as_png_and_svg_without_a_download()
    {
        HeadlessChromium.Require();
        var figure = Reporting.Plots.Charts.Lines("Interval width", "n", "percent", ("width", [1.0, 2.0, 3.0], [50.0, 30.0, 20.0]));
        var png = Path.Combine(_folder.FullName, "chart.png");
        var svg = Path.Combine(_folder.FullName, "chart.svg");

        ChartExport.Write(figure, png);
        ChartExport.Write(figure, svg);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
        var text = File.ReadAllText(svg);
        Assert.StartsWith("<svg", text);
        Assert.Contains("Interval width", text);
    }

    [Fact]
    public void Export_refuses_a_file_type_it_cannot_write()
    {
        var figure = Reporting.Plots.Charts.Lines("t", "x", "y", ("a", [1.0], [1.0]));
        var error = Assert.Throws<ArgumentException>(() => ChartExport.Write(figure, "chart.jpg"));
        Assert.Contains("expected a .png or .svg file name", error.Message);
    }

    [GeneratedRegex(@"<script>\n/\*\*\n\* plotly\.js v")]
    private static partial Regex PlotlyStart();

    [GeneratedRegex("<div class=\"covidct-chart\"")]
    private static partial Regex ChartDiv();

    [GeneratedRegex("class=\"main-svg\"")]
    private static partial Regex MainSvg();
}
