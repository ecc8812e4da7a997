using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CovidCt.Metrics;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Html;

/// <summary>The lesion-level section of report.html: hit rate, false positives per image, FROC sensitivities and curve, Dice and IoU.</summary>
internal static class LesionSection
{
    public static void Append(StringBuilder html, JsonObject charts, LesionEvaluation lesions)
    {
        html.Append("<h2>Lesion level</h2>\n<p>").Append(Encode(LesionText.Describe(lesions))).Append("</p>\n<table>\n");
        foreach (var (name, value) in LesionText.Rows(lesions)) html.Append("<tr><td>").Append(Encode(name)).Append("</td><td>").Append(Encode(value)).Append("</td></tr>\n");
        html.Append("</table>\n");
        foreach (var note in LesionText.Notes(lesions)) html.Append("<p>Note: ").Append(Encode(note)).Append("</p>\n");
        if (lesions.Froc is { } curve) Chart(html, charts, curve);
    }

    private static void Chart(StringBuilder html, JsonObject charts, FrocCurve curve)
    {
        var points = curve.Points;
        charts["froc"] = new JsonObject
        {
            ["data"] = new JsonArray(new JsonObject
            {
                ["type"] = "scatter", ["mode"] = "lines+markers", ["name"] = "FROC", ["line"] = new JsonObject { ["shape"] = "hv" },
                ["x"] = new JsonArray(points.Select(p => (JsonNode?)JsonValue.Create(p.FalsePositivesPerImage)).ToArray()),
                ["y"] = new JsonArray(points.Select(p => (JsonNode?)JsonValue.Create(p.Sensitivity)).ToArray()),
                ["text"] = new JsonArray(points.Select(p => (JsonNode?)JsonValue.Create(double.IsFinite(p.Threshold) ? $"box score ≥ {p.Threshold:0.###}" : "no box")).ToArray()),
            }),
            ["layout"] = new JsonObject
            {
                ["title"] = new JsonObject { ["text"] = "FROC (ends at the pipeline's box threshold)" },
                ["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "false positives per image" } },
                ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "lesion sensitivity" }, ["range"] = new JsonArray(0, 1.02) },
                ["margin"] = new JsonObject { ["t"] = 40 },
            },
        };
        html.Append("<div class=\"chart\" id=\"froc\"></div>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
