using System.Net;
using System.Text;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Files;

namespace CovidCt.Reporting.Html;

/// <summary>
/// The calibration section of report.html: whether the image score can be read as the probability that a slice holds a
/// lesion (the same numbers as metrics.json <c>per_image.calibration</c>; <c>covidct metrics calibration</c> on slices.csv
/// gives the reliability and decision curves with other bins or thresholds).
/// </summary>
internal static class CalibrationSection
{
    public static void Append(StringBuilder html, CalibrationDocument? calibration)
    {
        if (calibration is null) return;
        html.Append("<h2>Calibration of the image score</h2>\n<p>")
            .Append(Encode($"Over {TextFormat.Count(calibration.Cases)} slices with a known truth: Brier score {TextFormat.Number(calibration.Brier, "0.0000")} "
                + $"(always predicting the prevalence: {TextFormat.Number(calibration.ReferenceBrier, "0.0000")}); calibration intercept {Estimate(calibration.Intercept)} "
                + $"(0 when calibrated in the large), slope {Estimate(calibration.Slope)} (1 when calibrated). "
                + "A detector's score is a ranking first: a poor slope says the score should not be quoted as a probability, not that the ranking is poor."))
            .Append("</p>\n");
        if (calibration.Caveat is { } caveat) html.Append("<p class=\"note\">").Append(Encode($"Calibration, caveat: {caveat}")).Append("</p>\n");
        html.Append("<table>\n<tr><th>Threshold probability</th><th>Net benefit</th><th>Treat all</th><th>Treat none</th></tr>\n");
        foreach (var point in calibration.DecisionCurve.Where(p => p.Threshold is 0.1 or 0.25 or 0.5 or 0.75 or 0.9))
        {
            html.Append("<tr><td>").Append(TextFormat.Number(point.Threshold, "0.00")).Append("</td><td>").Append(TextFormat.Number(point.NetBenefit, "0.0000"))
                .Append("</td><td>").Append(TextFormat.Number(point.TreatAll, "0.0000")).Append("</td><td>0</td></tr>\n");
        }
        html.Append("</table>\n<p>").Append(Encode("Decision curve (Vickers and Elkin 2006): the net benefit of calling a slice positive when its score is at or above the threshold; metrics.json has every threshold from 0.05 to 0.95 and the reliability curve.")).Append("</p>\n");
    }

    private static string Estimate(EstimateDocument estimate) => estimate.Value is not { } value
        ? $"undefined ({estimate.Undefined})"
        : TextFormat.Number(value, "0.000") + (estimate.Ci is { } ci ? $" ({TextFormat.Number(ci.Lower, "0.000")} to {TextFormat.Number(ci.Upper, "0.000")})" : "");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
