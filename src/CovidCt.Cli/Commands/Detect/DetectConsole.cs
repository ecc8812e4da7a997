using System.Globalization;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Files;

namespace CovidCt.Cli.Commands;

/// <summary>What <c>covidct detect</c> prints: the JSON document, or each drawn slice's boxes (by 1-based slice number) and the patient rule.</summary>
internal static class DetectConsole
{
    public static void Write(TextWriter output, DetectResult result, bool json)
    {
        if (json) output.Write(OutputJson.Serialize(DetectionDocument.Of(result.Input, result.Model, result.Depth, result.Result, result.Drawn) with { Warnings = result.Warnings }));
        else Text(output, result);
    }

    private static void Text(TextWriter output, DetectResult result)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"{result.Input}: {result.Depth} slice(s), model {result.Model}");
        foreach (var (slice, figure) in result.Drawn)
        {
            var boxes = slice.Detection.Boxes;
            output.WriteLine(string.Create(c, $"{SliceNumbers.Slice(slice.Index, result.Depth)} (index {slice.Index}): {boxes.Count} box(es) -> {figure}"));
            foreach (var b in boxes)
            {
                output.WriteLine(string.Create(c, $"  [{b.Bounds.Left:0}, {b.Bounds.Top:0}) to ({b.Bounds.Right:0}, {b.Bounds.Bottom:0})  p max {b.MaxProbability:0.00}, mean {b.MeanProbability:0.00}  {b.Pixels} px  {QuadrantNames.Label(b.Quadrants)}"));
            }
        }
        if (result.Depth > 1)
        {
            var d = result.Result.Decision;
            output.WriteLine(d.IsPositive
                ? $"Patient rule: POSITIVE (lesions in the {QuadrantNames.Label(d.Quadrant)} quadrant on {SliceNumbers.Range(d.FirstSlice, d.LastSlice)}; {d.PositiveSlices} of {d.SliceCount} slices with boxes)"
                : $"Patient rule: negative ({d.PositiveSlices} of {d.SliceCount} slices with boxes, no {result.ConsecutiveSlices} consecutive in one quadrant)");
            if (d.Fragility is { } fragile) output.WriteLine($"Warning: this call is fragile: {FragileCallText.Reason(fragile)}");
        }
    }
}
