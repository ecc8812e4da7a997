using System.Net;
using System.Text;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Html;

/// <summary>
/// The fragile patient calls of report.html, under the tables: the console's warning and one marked row per patient whose call a
/// move of a box by a pixel and a half across a quadrant split line would flip (<see cref="FragileCallText"/>); nothing when
/// every call is firm.
/// </summary>
internal static class FragileSection
{
    public static void Append(StringBuilder html, PipelineEvaluation e)
    {
        if (FragileCallText.Warning(e) is not { } warning) return;
        html.Append("<p class=\"note\">").Append(Encode($"Warning: {warning}")).Append("</p>\n");
        html.Append("<table class=\"fragile\">\n<tr><th>Patient</th><th>Truth</th><th>Call</th><th>Fragile because</th></tr>\n");
        foreach (var patient in e.Patients)
        {
            if (patient.Result.Decision.Fragility is not { } call) continue;
            html.Append("<tr class=\"fragile\"><td>").Append(Encode(patient.Result.PatientId)).Append("</td><td>").Append(patient.IsCovid ? "COVID-19" : "control")
                .Append("</td><td>").Append(patient.Result.Decision.IsPositive ? "positive" : "negative").Append("</td><td>")
                .Append(Encode(FragileCallText.Reason(call))).Append("</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
