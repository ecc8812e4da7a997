using System.Net;
using System.Text;
using CovidCt.Reporting.Html;

namespace CovidCt.Reporting.Plots;

/// <summary>
/// HTML for charts, offline: plotly.js is embedded once per page or notebook (<see cref="Script"/>) from the copy Plotly.NET
/// ships, never fetched from a CDN; each chart is a <c>div</c> whose script draws it as soon as plotly.js is there.
/// </summary>
public static class PlotlyHtml
{
    /// <summary>The CSS class of every chart's <c>div</c>.</summary>
    public const string ChartClass = "covidct-chart";

    /// <summary>
    /// The attribute set on the page's root element to the number of charts drawn so far (a chart counts once plotly.js has
    /// drawn its SVG), so a headless browser can check that every chart rendered.
    /// </summary>
    public const string RenderedAttribute = "data-charts-rendered";

    /// <summary>A <c>script</c> element holding plotly.js (about 3.6 MB): put it once, before the first chart.</summary>
    public static string Script => $"<script>\n{PlotlyScript.Source}\n</script>\n";

    /// <summary>
    /// One chart: a titled <c>div</c> (the title also in its <c>aria-label</c>) and the script that draws it, waiting for
    /// plotly.js when the page or notebook has not loaded it yet.
    /// </summary>
    public static string Chart(PlotlyFigure figure, string id)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        // "</" would end the script element early; JSON allows the escaped solidus.
        var json = figure.ToJson().Replace("</", "<\\/", StringComparison.Ordinal);
        return new StringBuilder()
            .Append("<div class=\"").Append(ChartClass).Append("\" id=\"").Append(WebUtility.HtmlEncode(id)).Append("\" aria-label=\"").Append(WebUtility.HtmlEncode(figure.Title))
            .Append("\" style=\"width:100%;max-width:760px;min-height:420px\"></div>\n<script>(function(){var f=").Append(json)
            .Append(";function draw(){if(!window.Plotly){setTimeout(draw,50);return;}Plotly.newPlot('").Append(id)
            .Append("',f.data,f.layout,{displaylogo:false,responsive:true}).then(function(){var n=Array.prototype.filter.call(document.querySelectorAll('div.")
            .Append(ChartClass).Append("'),function(d){return d.querySelector('.main-svg')!==null;}).length;document.documentElement.setAttribute('")
            .Append(RenderedAttribute).Append("',String(n));});}draw();})();</script>\n")
            .ToString();
    }
}
