using System.Net;
using System.Text;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Reporting.Explorer;

/// <summary>report.html's "Operating-point explorer" section: the same fragment a notebook shows, under a heading.</summary>
internal static class ExplorerSection
{
    /// <summary>The root element's id in report.html (the page holds one explorer).</summary>
    public const string ElementId = "operating-point-explorer";

    public static void Append(StringBuilder html, SweepResult sweep, double level)
    {
        html.Append("<h2>Operating-point explorer</h2>\n<p>")
            .Append(WebUtility.HtmlEncode("Every post-processing setting of the sweep below was evaluated on the same probability maps as this report; the tables above are one of them. The page recomputes the rates as the controls move, offline."))
            .Append("</p>\n").Append(OperatingPointExplorer.Html(sweep, level, ElementId));
    }
}
