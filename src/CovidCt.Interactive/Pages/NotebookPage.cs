using System.Net;
using System.Text;
using CovidCt.Interactive.Formatting;
using CovidCt.Reporting.Plots;
using Microsoft.DotNet.Interactive.Formatting;

namespace CovidCt.Interactive.Pages;

/// <summary>
/// One self-contained HTML page built the way a notebook shows its cells: headings, text, and results displayed by the same
/// HTML formatters the notebooks use, charts drawn by the embedded plotly.js (once per page, no network). The file-based
/// apps (<c>dotnet run notebooks/02-evaluate-model.cs</c>) write their output through it.
/// </summary>
public sealed class NotebookPage
{
    private readonly string _title;
    private readonly StringBuilder _body = new();
    private int _charts;

    /// <summary>A page with <paramref name="title"/> as its heading and browser title.</summary>
    public NotebookPage(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        _title = title;
        CovidCtFormatters.Register();
    }

    /// <summary>A section heading.</summary>
    public NotebookPage Heading(string text)
    {
        _body.Append("<h2>").Append(WebUtility.HtmlEncode(text)).Append("</h2>\n");
        return this;
    }

    /// <summary>A paragraph of plain text (encoded; no markup).</summary>
    public NotebookPage Text(string text)
    {
        _body.Append("<p>").Append(WebUtility.HtmlEncode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>
    /// A result, shown as a notebook cell would show it: a chart is drawn, text is a paragraph, anything else goes through the
    /// registered HTML formatters (the platform's, or .NET Interactive's tables for plain objects and lists).
    /// </summary>
    public NotebookPage Show(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case PlotlyFigure figure:
                _body.Append(PlotlyHtml.Chart(figure, $"chart-{++_charts}"));
                break;
            case string text:
                Text(text);
                break;
            default:
                _body.Append("<div class=\"output\">").Append(value.ToDisplayString(CovidCtFormatters.MimeType)).Append("</div>\n");
                break;
        }
        return this;
    }

    /// <summary>The page's HTML: plotly.js once in the head, then every section in order.</summary>
    public string ToHtml() => new StringBuilder()
        .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(WebUtility.HtmlEncode(_title)).Append("</title>\n<style>")
        .Append(Style).Append("</style>\n").Append(PlotlyHtml.Script).Append("</head>\n<body>\n<h1>").Append(WebUtility.HtmlEncode(_title)).Append("</h1>\n")
        .Append(_body).Append("</body>\n</html>\n").ToString();

    /// <summary>Writes the page to <paramref name="path"/> (its folder is created) and returns the full path.</summary>
    public string Write(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, ToHtml());
        return full;
    }

    // Light by default, dark when the reader's system asks for it; the formatters' tables and timelines use currentColor.
    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:1.5em 2em;max-width:75em;color:#1e1e1e;background:#fff}" +
        "@media (prefers-color-scheme:dark){body{color:#d4d4d4;background:#1e1e1e}}" +
        "h2{margin-top:1.6em;border-bottom:1px solid #8886}.output{overflow-x:auto;margin:0.5em 0}";
}
