using System.Diagnostics;
using System.Net;
using System.Text;
using CovidCt.Reporting.Html;

namespace CovidCt.Reporting.Plots;

/// <summary>
/// Writes a chart as PNG or SVG for a paper, drawn by the same plotly.js the pages embed, in the machine's own headless
/// Chromium (Debian's <c>chromium</c> package): nothing is downloaded, and the network is never needed.
/// </summary>
public static class ChartExport
{
    private static readonly string[] Browsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The headless browser used, from <c>COVIDCT_CHROMIUM</c> or the usual install paths; null when none is installed.</summary>
    public static string? Browser =>
        Environment.GetEnvironmentVariable("COVIDCT_CHROMIUM") is { Length: > 0 } chosen ? chosen : Browsers.FirstOrDefault(File.Exists);

    /// <summary>
    /// Writes <paramref name="figure"/> to <paramref name="path"/>: PNG for <c>.png</c> (at twice the pixel density, for print),
    /// SVG for <c>.svg</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The path ends neither in .png nor in .svg, or the size is not positive.</exception>
    /// <exception cref="InvalidOperationException">No Chromium is installed, or it produced no image (the message holds its error output).</exception>
    public static void Write(PlotlyFigure figure, string path, int width = 720, int height = 480)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(path);
        var format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "png",
            ".svg" => "svg",
            var other => throw new ArgumentException($"{path}: expected a .png or .svg file name, got '{other}'", nameof(path)),
        };
        if (width < 1 || height < 1) throw new ArgumentException($"chart size must be positive, got {width}×{height}", nameof(width));
        var browser = Browser ?? throw new InvalidOperationException(
            "exporting a chart needs a headless Chromium: install Debian's chromium (apt-get install chromium) or set COVIDCT_CHROMIUM to its path");
        var work = Directory.CreateTempSubdirectory("covidct-chart-");
        try
        {
            var page = Path.Combine(work.FullName, "chart.html");
            File.WriteAllText(page, Page(figure, format, width, height));
            var dom = DumpDom(browser, page, Path.Combine(work.FullName, "profile"));
            var bytes = Decode(dom, format) ?? throw new InvalidOperationException($"chromium drew no {format} of '{figure.Title}': {Tail(dom)}");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllBytes(path, bytes);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // The page draws the figure off screen and writes plotly's own export (a data URL) into a <pre>, which --dump-dom prints.
    private static string Page(PlotlyFigure figure, string format, int width, int height) => new StringBuilder()
        .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><div id=\"chart\"></div><pre id=\"image\"></pre><script>")
        .Append(PlotlyScript.Source)
        .Append("</script><script>var f=").Append(figure.ToJson())
        .Append(";Plotly.newPlot('chart',f.data,f.layout).then(function(g){return Plotly.toImage(g,{format:'").Append(format)
        .Append("',width:").Append(width).Append(",height:").Append(height).Append(",scale:").Append(format == "png" ? 2 : 1)
        .Append("});}).then(function(u){document.getElementById('image').textContent=u;},function(e){document.getElementById('image').textContent='error: '+e;});</script></body></html>")
        .ToString();

    private static byte[]? Decode(string dom, string format)
    {
        const string open = "<pre id=\"image\">";
        var start = dom.IndexOf(open, StringComparison.Ordinal);
        if (start < 0) return null;
        start += open.Length;
        var url = WebUtility.HtmlDecode(dom[start..dom.IndexOf("</pre>", start, StringComparison.Ordinal)]);
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (!url.StartsWith("data:image/", StringComparison.Ordinal) || comma < 0) return null;
        var data = url[(comma + 1)..];
        return format == "png" ? Convert.FromBase64String(data) : Encoding.UTF8.GetBytes(Uri.UnescapeDataString(data));
    }

    private static string DumpDom(string browser, string page, string profile)
    {
        var start = new ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // No network at all: the page carries plotly.js itself.
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                     $"--user-data-dir={profile}", "--virtual-time-budget=20000", "--dump-dom", new Uri(page).AbsoluteUri })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {browser}");
        var errors = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{browser} did not finish drawing the chart within 2 minutes");
        }
        return dom.Length > 0 ? dom : throw new InvalidOperationException($"{browser} printed nothing: {Tail(errors.Result)}");
    }

    private static string Tail(string text) => text.Length <= 400 ? text : text[^400..];
}
