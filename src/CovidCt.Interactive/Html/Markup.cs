using System.Globalization;
using System.Net;
using System.Text;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Html;

/// <summary>The few HTML building blocks every formatter shares: encoding, numbers, intervals and one table layout.</summary>
internal static class Markup
{
    // One small style sheet scoped to the "covidct" class, so the output reads the same in VS Code and in a saved .ipynb.
    private const string Style =
        "<style>.covidct table{border-collapse:collapse;margin:4px 0}.covidct th,.covidct td{border:1px solid #ccc;padding:2px 8px}" +
        ".covidct td.n{text-align:right;font-variant-numeric:tabular-nums}.covidct .undefined{color:var(--vscode-errorForeground,#b00000);font-style:italic}" +
        ".covidct .miss{color:var(--vscode-errorForeground,#b00000)}.covidct caption{text-align:left;font-weight:bold}.covidct p{margin:2px 0}</style>";

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Wraps fragments in the scoped container with its style sheet.</summary>
    public static string Block(params string[] fragments) => $"<div class=\"covidct\">{Style}{string.Concat(fragments)}</div>";

    public static string Paragraph(string text) => $"<p>{Encode(text)}</p>";

    public static string Percent(double proportion, int decimals = 2) =>
        (proportion * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%";

    public static string Number(double value, int decimals = 3) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>A count with thousands separators; a non-integral value (a composite numerator) with 4 decimals.</summary>
    public static string Count(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString("N0", CultureInfo.InvariantCulture)
            : value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string PValue(double p) =>
        p < 0.0001 ? "&lt;0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Undefined(string? reason) =>
        $"<span class=\"undefined\">undefined: {Encode(reason ?? "no reason given")}</span>";

    /// <summary>"74.12–100.00%" for proportions, "4.057–59.222" otherwise; an em dash when there is no interval.</summary>
    public static string Interval(ConfidenceInterval? interval, bool asPercent) => interval is null
        ? "—"
        : asPercent
            ? $"{Percent(interval.Lower)[..^1]}–{Percent(interval.Upper)}"
            : $"{Number(interval.Lower)}–{Number(interval.Upper)}";

    /// <summary>A table: <paramref name="header"/> is plain text, each cell an HTML fragment.</summary>
    public static string Table(string? caption, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        var html = new StringBuilder("<table>");
        if (caption is not null) html.Append("<caption>").Append(Encode(caption)).Append("</caption>");
        html.Append("<thead><tr>");
        foreach (var column in header) html.Append("<th>").Append(Encode(column)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append(cell.IsNumeric ? "<td class=\"n\">" : "<td>").Append(cell.Html).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }
}
