using System.Globalization;
using System.Net;
using System.Text;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Files;

namespace CovidCt.Reporting.Html;

/// <summary>
/// The valid-area section of report.html: how much predicted lesion area the step removed in the run (the same totals as
/// metrics.json <c>valid_area_removed</c>) and on which slices most (slices.csv <c>removed_lesion_px</c> has every slice).
/// Removed area on slices with a lesion in the truth means the step is cutting into the lungs.
/// </summary>
internal static class ValidAreaSection
{
    /// <summary>Slices listed, largest removed area first.</summary>
    public const int SliceLimit = 20;

    public static void Append(StringBuilder html, PipelineEvaluation e, PipelineOptions options)
    {
        var total = RemovedAreaDocument.Of(e);
        var slices = e.Patients
            .SelectMany(p => p.Result.Slices.Select((s, z) => (Patient: p.Result.PatientId, Count: p.Result.Slices.Count, Slice: s, Truth: p.SliceTruth[z])))
            .ToList();
        var onLesions = slices.Where(s => s.Truth == true && s.Slice.Detection.RemovedLesionPixels > 0).ToList();
        var c = CultureInfo.InvariantCulture;
        var text = Describe(options.ValidArea) + ". "
            + string.Create(c, $"The step removed {total.RemovedPixels:N0} pixels of predicted lesion area (probability ≥ {options.LesionBoxes.Threshold:0.00}, original pixels) ")
            + string.Create(c, $"on {total.SlicesWithRemovedArea} of {slices.Count} slices; {onLesions.Sum(s => s.Slice.Detection.RemovedLesionPixels):N0} of them on ")
            + string.Create(c, $"{onLesions.Count} slices with a lesion in the truth. ")
            + "Area removed there means the step cuts into the lungs: compare with --valid-area none. slices.csv has every slice (removed_lesion_px).";
        html.Append("<h2>Valid area</h2>\n<p>").Append(Encode(text))
            .Append("</p>\n");
        var largest = slices.Where(s => s.Slice.Detection.RemovedLesionPixels > 0).OrderByDescending(s => s.Slice.Detection.RemovedLesionPixels).Take(SliceLimit).ToList();
        if (largest.Count == 0) return;
        html.Append("<table>\n<tr><th>Patient</th><th>Slice</th><th>Lesion in the truth</th><th>Removed (px)</th><th>Boxes kept</th></tr>\n");
        foreach (var s in largest)
        {
            html.Append("<tr><td>").Append(Encode(s.Patient)).Append("</td><td>")
                .Append(Encode(string.Create(CultureInfo.InvariantCulture, $"slice {s.Slice.Index + 1} of {s.Count}"))).Append("</td><td>")
                .Append(s.Truth switch { true => "yes", false => "no", null => "unknown" }).Append("</td><td>")
                .Append(s.Slice.Detection.RemovedLesionPixels.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(s.Slice.Detection.Boxes.Count.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static string Describe(ValidAreaOptions options) => options switch
    {
        { Region: ValidAreaRegion.WholeImage } => "No valid area (--valid-area none): lesions are looked for in the whole image",
        { SegmentationModelPath: { } model } => $"Valid area: the lung fields of the segmentation model {Path.GetFileName(model)}, region {RegionName(options.Region)}",
        _ => $"Valid area: the HU lung fields (air below {options.AirThresholdHu.ToString(CultureInfo.InvariantCulture)} HU, filled), region {RegionName(options.Region)}",
    };

    private static string RegionName(ValidAreaRegion region) => region == ValidAreaRegion.Mask ? "the lung mask" : "the study's rectangle round the lungs";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
