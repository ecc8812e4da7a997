using System.Globalization;
using System.Text;
using CovidCt.Interactive.Html;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Timelines;

namespace CovidCt.Interactive.Formatting;

/// <summary>
/// The per-patient quadrant timeline: one column per slice in anatomical order, one row per quadrant. A cell is red
/// when the slice has a box in that quadrant (darker for a higher box probability); the run of consecutive slices that
/// decided the patient is outlined. With the truth, a last row shows slices with a true lesion (green), without one
/// (grey) and with unknown truth (white, dashed).
/// </summary>
public static class TimelineHtml
{
    private const int RowHeight = 14;
    private const int LabelWidth = 92;
    private const int PlotWidth = 880;
    private static readonly IReadOnlyList<(Quadrant Quadrant, string Label)> Rows = QuadrantNames.Rows;

    /// <summary>A detection result: the decision in words above the timeline.</summary>
    public static string Patient(PatientResult result) =>
        Markup.Block(Markup.Paragraph($"{result.PatientId}: {Decision(result)}"), Svg(result, null));

    /// <summary>A detection result against the truth: the verdict (true positive, false negative, ...) and a truth row.</summary>
    public static string Outcome(PatientOutcome outcome)
    {
        var called = outcome.Result.Decision.IsPositive;
        var verdict = (outcome.IsCovid, called) switch
        {
            (true, true) => "true positive",
            (true, false) => "false negative",
            (false, true) => "false positive",
            (false, false) => "true negative",
        };
        var label = outcome.IsCovid ? "COVID-19" : "control";
        return Markup.Block(
            Markup.Paragraph($"{outcome.Result.PatientId} ({label}), {verdict}: {Decision(outcome.Result)}"),
            Svg(outcome.Result, outcome.SliceTruth));
    }

    private static string Decision(PatientResult result)
    {
        var d = result.Decision;
        var boxes = $"{d.PositiveSlices} of {d.SliceCount} slices with boxes";
        var call = d.IsPositive
            ? $"called positive, score {Markup.Number(d.Score)} ({QuadrantNames.Label(d.Quadrant)}, {SliceNumbers.Range(d.FirstSlice, d.LastSlice)}); {boxes}"
            : $"called negative, no quadrant has a qualifying run of consecutive slices; {boxes}";
        return d.Fragility is { } fragile ? $"{call}; fragile call: {FragileCallText.Reason(fragile)}" : call;
    }

    private static string Svg(PatientResult result, IReadOnlyList<bool?>? truth)
    {
        var timeline = PatientTimeline.Of(result, truth);
        var columns = timeline.Columns;
        var cell = Math.Clamp(PlotWidth / Math.Max(1, columns.Count), 3, 16);
        var rows = Rows.Count + (timeline.HasTruth ? 1 : 0);
        var width = LabelWidth + cell * columns.Count;
        var height = rows * RowHeight + 16;
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"10\" fill=\"currentColor\" style=\"color:inherit\">");
        for (var r = 0; r < Rows.Count; r++)
        {
            RowLabel(svg, r, Rows[r].Label);
            for (var s = 0; s < columns.Count; s++)
            {
                var score = columns[s].Scores[r];
                // Empty cells and outlines use currentColor (the editor's text colour), so they read on light, dark and high-contrast themes.
                var fill = score > 0 ? $"#e00000\" fill-opacity=\"{Markup.Number(0.35 + 0.65 * score, 2)}" : "currentColor\" fill-opacity=\"0.12";
                var title = $"{SliceNumbers.Slice(columns[s].SliceIndex)} ({Markup.Number(columns[s].PositionMm, 1)} mm), {Rows[r].Label}: " +
                    (score > 0 ? $"box probability {Markup.Number(score)}" : "no box");
                Rect(svg, LabelWidth + s * cell, r * RowHeight, cell, fill, title);
            }
        }
        if (timeline.HasTruth)
        {
            RowLabel(svg, Rows.Count, "truth");
            for (var s = 0; s < columns.Count; s++)
            {
                var (fill, text) = columns[s].Truth switch
                {
                    true => ("#22aa22", "lesion"),
                    false => ("currentColor\" fill-opacity=\"0.35", "no lesion"),
                    null => ("none\" stroke=\"currentColor\" stroke-opacity=\"0.6\" stroke-dasharray=\"2,1", "unknown"),
                };
                Rect(svg, LabelWidth + s * cell, Rows.Count * RowHeight, cell, fill, $"{SliceNumbers.Slice(columns[s].SliceIndex)}: {text}");
            }
        }
        if (timeline.DecidingRun is { } run)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{LabelWidth + run.FirstColumn * cell}\" y=\"{run.Row * RowHeight}\" width=\"{run.Length * cell}\" height=\"{RowHeight}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"><title>deciding run</title></rect>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth}\" y=\"{rows * RowHeight + 12}\">{SliceNumbers.Slice(0)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width}\" y=\"{rows * RowHeight + 12}\" text-anchor=\"end\">{SliceNumbers.Slice(columns.Count - 1)}</text>");
        return svg.Append("</svg>").ToString();
    }

    private static void RowLabel(StringBuilder svg, int row, string label) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{row * RowHeight + 11}\">{Markup.Encode(label)}</text>");

    private static void Rect(StringBuilder svg, int x, int y, int width, string fill, string title) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{x}\" y=\"{y}\" width=\"{width - 1}\" height=\"{RowHeight - 1}\" fill=\"{fill}\"><title>{Markup.Encode(title)}</title></rect>");
}
