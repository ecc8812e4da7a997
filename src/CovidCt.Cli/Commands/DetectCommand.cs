using System.CommandLine;
using System.Globalization;
using CovidCt.Cli.Output;
using CovidCt.Cli.Reporting;
using CovidCt.Data;
using CovidCt.Pipelines;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Rendering;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct detect INPUT [--slice N] [--out OUT.png|DIR]</c>: red boxes on one PNG/JPEG slice, one DICOM file, or the slices of a
/// volume (DICOM folder, NIfTI, PNG/JPEG folder) — what the study's public web service returned for an uploaded slice.
/// </summary>
internal static class DetectCommand
{
    public const string DefaultOut = "out/detect";

    public static Command Create(TextWriter output)
    {
        var input = new Argument<string>("INPUT") { Description = "A PNG/JPEG slice, a DICOM file, a DICOM folder, a NIfTI file or a folder of PNG/JPEG slices." };
        var slice = new Option<int?>("--slice") { Description = "Only this slice (0 = first in anatomical order, feet to head)." };
        var model = new Option<FileInfo?>("--model") { Description = $"Lesion model (ONNX). Default: models/{ShippedAssets.DefaultModelName} (the newest shipped model when it is absent)." };
        var outPath = new Option<string>("--out") { Description = "A .png file (one slice) or a folder (slice-NNN.png per slice).", DefaultValueFactory = _ => DefaultOut };
        var json = MetricsOptions.Json();
        var pipelineFile = PipelineChoice.Option();
        var source = new CtSourceOptions();
        var command = new Command("detect", "Draw red boxes on CT slices: one uploaded slice, one DICOM file or a whole volume.") { input, slice, model, outPath, json, pipelineFile };
        source.AddTo(command);
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(input)!);
            var volume = CtReader.ReadSliceOrVolume(path, source.Read(parse));
            var depth = volume.Geometry.Depth;
            var only = parse.GetValue(slice);
            if (only is { } s && (s < 0 || s >= depth)) throw new UsageException($"--slice {s} is outside the volume's {depth} slice(s) (0 to {depth - 1})");
            var target = Path.GetFullPath(parse.GetValue(outPath)!);
            var single = target.EndsWith(".png", StringComparison.OrdinalIgnoreCase);
            if (single && only is null && depth > 1) throw new UsageException($"--out {target} is one PNG but {path} has {depth} slices; add --slice N or give a folder");
            var (definition, note) = PipelineChoice.Resolve(parse.GetValue(pipelineFile), parse.GetValue(model));
            var choice = new ModelChoice(definition.ModelPath, note);
            if (choice.Note is not null) (parse.GetValue(json) ? Console.Error : output).WriteLine(choice.Note);

            // One volume: the plain facade over the chain's own step objects (the ML.NET chain is for cohorts of slice rows).
            using var pipeline = definition.Build();
            var result = pipeline.Run(Path.GetFileNameWithoutExtension(path), volume);
            var drawn = new List<(SliceResult Slice, string Figure)>();
            foreach (var r in result.Slices.Where(r => only is null || r.Index == only))
            {
                var figure = single ? target : Path.Combine(target, $"slice-{r.Index:000}.png");
                RedBoxRenderer.Save(figure, volume.Slice(r.Index), volume.Geometry.Width, volume.Geometry.Height, r.Detection.Boxes, options: new RedBoxOptions { LabelProbabilities = true });
                drawn.Add((r, figure));
            }
            if (parse.GetValue(json)) Json(output, path, choice.Path, depth, result, drawn);
            else Text(output, path, choice.Path, depth, pipeline.Options.PatientRule.ConsecutiveSlices, result, drawn);
            return CliApp.Success;
        });
        return command;
    }

    private static void Text(TextWriter output, string input, string model, int depth, int consecutive, PatientResult result, List<(SliceResult Slice, string Figure)> drawn)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"{input}: {depth} slice(s), model {model}");
        foreach (var (slice, figure) in drawn)
        {
            var boxes = slice.Detection.Boxes;
            output.WriteLine(string.Create(c, $"slice {slice.Index}: {boxes.Count} box(es) -> {figure}"));
            foreach (var b in boxes)
            {
                output.WriteLine(string.Create(c, $"  [{b.Bounds.Left:0}, {b.Bounds.Top:0}) to ({b.Bounds.Right:0}, {b.Bounds.Bottom:0})  p max {b.MaxProbability:0.00}, mean {b.MeanProbability:0.00}  {b.Pixels} px  {ResultTables.QuadrantNames(b.Quadrants)}"));
            }
        }
        if (depth > 1)
        {
            var d = result.Decision;
            output.WriteLine(d.IsPositive
                ? $"Patient rule: POSITIVE (lesions in {ResultTables.QuadrantNames(d.Quadrant)} on slices {d.FirstSlice}-{d.LastSlice}; {d.PositiveSlices} of {d.SliceCount} slices with boxes)"
                : $"Patient rule: negative ({d.PositiveSlices} of {d.SliceCount} slices with boxes, no {consecutive} consecutive in one quadrant)");
        }
    }

    private static void Json(TextWriter output, string input, string model, int depth, PatientResult result, List<(SliceResult Slice, string Figure)> drawn) => JsonOutput.Write(output, j =>
    {
        var w = j.Writer;
        w.WriteString("input", input);
        w.WriteString("model", model);
        w.WriteNumber("slices", depth);
        w.WriteStartArray("detections");
        foreach (var (slice, figure) in drawn)
        {
            w.WriteStartObject();
            w.WriteNumber("slice", slice.Index);
            j.Number("position_mm", slice.Position);
            w.WriteString("figure", figure);
            w.WriteStartArray("boxes");
            foreach (var b in slice.Detection.Boxes)
            {
                w.WriteStartObject();
                j.Number("left", b.Bounds.Left);
                j.Number("top", b.Bounds.Top);
                j.Number("right", b.Bounds.Right);
                j.Number("bottom", b.Bounds.Bottom);
                j.Number("max_probability", b.MaxProbability);
                j.Number("mean_probability", b.MeanProbability);
                w.WriteNumber("pixels", b.Pixels);
                w.WriteString("quadrants", ResultTables.QuadrantNames(b.Quadrants));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var d = result.Decision;
        w.WriteStartObject("patient_rule");
        w.WriteBoolean("positive", d.IsPositive);
        if (d.IsPositive)
        {
            w.WriteString("quadrant", ResultTables.QuadrantNames(d.Quadrant));
            w.WriteNumber("first_slice", d.FirstSlice);
            w.WriteNumber("last_slice", d.LastSlice);
        }
        w.WriteNumber("positive_slices", d.PositiveSlices);
        w.WriteEndObject();
    });
}
