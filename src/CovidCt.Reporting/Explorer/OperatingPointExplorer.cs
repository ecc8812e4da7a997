using System.Net;
using System.Text;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Reporting.Explorer;

/// <summary>
/// The live operating-point explorer: one self-contained HTML fragment (inline script and style, no network) holding a sweep's
/// confusion counts, with sliders for the threshold, the minimum component size and k, and a same-quadrant toggle. Moving a
/// control recomputes per-image and per-patient sensitivity and specificity with Wilson intervals, and the confusion tables, in the
/// page itself: nothing goes back to a kernel or a server. Notebooks (through their formatter) and report.html show this same
/// fragment.
/// </summary>
public static class OperatingPointExplorer
{
    /// <summary>
    /// Below this many cases (diseased or not, per level) the explorer marks a sensitivity or specificity as resting on too few
    /// cases to read as precise. It is the minimum the reporting layer states for clustered intervals as well.
    /// </summary>
    public const int MinimumCases = 10;

    /// <summary>
    /// The explorer of <paramref name="sweep"/> at <paramref name="level"/> (Wilson intervals), starting at the study's setting
    /// when the sweep holds it, else at its first setting. <paramref name="elementId"/> names the fragment's root element (a fresh
    /// one when null), so several explorers can share a page.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="level"/> is not in (0, 1).</exception>
    public static string Html(SweepResult sweep, double level = 0.95, string? elementId = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var id = elementId ?? $"covidct-explorer-{Guid.NewGuid():N}";
        var grid = sweep.Grid;
        var html = new StringBuilder();
        html.Append("<div class=\"covidct-explorer\" id=\"").Append(Encode(id)).Append("\">\n<style>").Append(ExplorerScript.Style(id)).Append("</style>\n");
        html.Append("<p class=\"cx-title\">").Append(Encode(ExplorerText.Title(sweep))).Append("</p>\n<div class=\"cx-controls\">\n");
        Slider(html, "threshold", "Probability threshold", grid.Thresholds.Count);
        Slider(html, "minPixels", "Minimum size: a box needs more than this many pixels", grid.MinPixels.Count);
        Slider(html, "k", "Consecutive slices (k)", grid.ConsecutiveSlices.Count);
        html.Append("<label class=\"cx-toggle\"><input type=\"checkbox\" data-control=\"sameQuadrant\"")
            .Append(grid.SameQuadrant.Count < 2 ? " disabled" : "").Append("> same quadrant on the k slices</label>\n");
        if (grid.Assignments.Count > 1)
        {
            html.Append("<label>Quadrant assignment <select data-control=\"assignment\">");
            for (var a = 0; a < grid.Assignments.Count; a++)
            {
                html.Append("<option value=\"").Append(a).Append("\">").Append(Encode(grid.Assignments[a].ToString().ToLowerInvariant())).Append("</option>");
            }
            html.Append("</select></label>\n");
        }
        html.Append("</div>\n<p class=\"cx-setting\" data-out=\"setting\"></p>\n<div class=\"cx-levels\">\n");
        Level(html, "patient", "Per patient", "COVID-19", "control");
        Level(html, "image", "Per image (slice)", "lesion", "no lesion");
        html.Append("</div>\n<p class=\"cx-note\">").Append(Encode(ExplorerText.Footnote(sweep, level))).Append("</p>\n");
        html.Append("<script type=\"application/json\" class=\"cx-data\">").Append(ExplorerData.Json(sweep, level)).Append("</script>\n");
        html.Append("<script>\n(").Append(ExplorerScript.Source).Append(")(document.getElementById(").Append(ExplorerScript.Literal(id)).Append("));\n</script>\n</div>\n");
        return html.ToString();
    }

    private static void Slider(StringBuilder html, string control, string label, int count)
    {
        html.Append("<label>").Append(Encode(label)).Append(" <input type=\"range\" min=\"0\" max=\"").Append(count - 1).Append("\" step=\"1\" data-control=\"")
            .Append(control).Append('"').Append(count < 2 ? " disabled" : "").Append("> <output data-out=\"").Append(control).Append("\"></output></label>\n");
    }

    private static void Level(StringBuilder html, string level, string title, string diseased, string healthy)
    {
        html.Append("<div class=\"cx-level\" data-level=\"").Append(level).Append("\">\n<p class=\"cx-heading\">").Append(Encode(title)).Append("</p>\n<table>\n")
            .Append("<tr><th></th><th>Value</th><th>Count</th><th data-out=\"").Append(level).Append("-ci-heading\">CI</th></tr>\n");
        foreach (var metric in new[] { "sensitivity", "specificity" })
        {
            html.Append("<tr data-metric=\"").Append(metric).Append("\"><td>").Append(metric == "sensitivity" ? "Sensitivity" : "Specificity").Append("</td>")
                .Append("<td data-out=\"").Append(level).Append('-').Append(metric).Append("\"></td>")
                .Append("<td data-out=\"").Append(level).Append('-').Append(metric).Append("-count\"></td>")
                .Append("<td data-out=\"").Append(level).Append('-').Append(metric).Append("-ci\"></td></tr>\n");
        }
        html.Append("</table>\n<table class=\"cx-confusion\">\n<tr><th></th><th>called positive</th><th>called negative</th></tr>\n")
            .Append("<tr><td>").Append(Encode(diseased)).Append("</td><td data-out=\"").Append(level).Append("-tp\"></td><td data-out=\"").Append(level).Append("-fn\"></td></tr>\n")
            .Append("<tr><td>").Append(Encode(healthy)).Append("</td><td data-out=\"").Append(level).Append("-fp\"></td><td data-out=\"").Append(level).Append("-tn\"></td></tr>\n")
            .Append("</table>\n<ul class=\"cx-caveats\" data-out=\"").Append(level).Append("-caveats\"></ul>\n</div>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
