using CovidCt.Interactive.Formatting;
using CovidCt.Reporting.Plots;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class ChartHtmlTests
{
    [Fact]
    public void Plotly_js_is_embedded_once_per_kernel_and_never_fetched_from_a_cdn()
    {
        var figure = Reporting.Plots.Charts.Lines("interval width", "n", "percent", ("a", [1.0, 2.0], [3.0, 4.0]));

        var outputs = Enumerable.Range(0, 3).Select(_ => ChartHtml.Figure(figure)).ToArray();

        // Other tests in this process may have drawn the first chart; at most one output carries the library.
        Assert.True(outputs.Count(o => o.Length > 1_000_000) <= 1);
        Assert.All(outputs, o => Assert.DoesNotContain("<script src=", o, StringComparison.OrdinalIgnoreCase));
        Assert.All(outputs, o => Assert.Contains($"class=\"{PlotlyHtml.ChartClass}\"", o));
        Assert.Equal(3, outputs.Select(o => o[o.IndexOf("id=\"", StringComparison.Ordinal)..].Split('"')[1]).Distinct().Count());
    }

    [Fact]
    public void The_formatter_is_registered_by_using_the_library_without_a_set_up_call()
    {
        var figure = Reporting.Plots.Charts.Lines("registered", "n", "percent", ("a", [1.0], [2.0]));
        // A notebook cell uses some of the library's code before it displays anything, never CovidCtNotebook.Initialize: the
        // module initializer runs then. MimeType is a constant (compiled into this test) and the chart is Reporting's, so
        // without this line the test touched nothing of the library and passed only when another test had run first.
        _ = ChartHtml.Figure(figure);

        var html = Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(figure, CovidCtFormatters.MimeType);

        Assert.Contains(PlotlyHtml.ChartClass, html);
    }
}
