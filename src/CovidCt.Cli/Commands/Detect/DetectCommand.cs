using System.CommandLine;
using CovidCt.Data;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct detect INPUT [--slice INDEX] [--out OUT.png|DIR]</c>: red boxes on one PNG/JPEG slice, one DICOM file, or the slices of a
/// volume (DICOM folder, NIfTI, PNG/JPEG folder) — what the study's public web service returned for an uploaded slice.
/// </summary>
internal static class DetectCommand
{
    public const string DefaultOut = "out/detect";

    public static Command Create()
    {
        var input = new Argument<string>("INPUT") { Description = "A PNG/JPEG slice, a DICOM file, a DICOM folder, a NIfTI file or a folder of PNG/JPEG slices." };
        var slice = new Option<int?>("--slice") { Description = "Only the slice of this 0-based index (0 = first in anatomical order, feet to head; the text shows it as slice number INDEX+1)." };
        var model = new Option<FileInfo?>("--model") { Description = $"Lesion model (ONNX). Default: models/{ShippedAssets.DefaultModelName} (the newest shipped model when it is absent)." };
        var outPath = new Option<string>("--out") { Description = "A .png file (one slice) or a folder (slice-NNN.png per slice, NNN the 1-based slice number).", DefaultValueFactory = _ => DefaultOut };
        var json = MetricsOptions.Json();
        var pipeline = PipelineChoice.Option();
        var activation = PipelineChoice.ActivationOption();
        var framing = PipelineChoice.FramingOption();
        var source = new CtSourceOptions();
        var validArea = new ValidAreaChoice();
        var command = new Command("detect", "Draw red boxes on CT slices: one uploaded slice, one DICOM file or a whole volume.") { input, slice, model, outPath, json, pipeline, activation, framing };
        source.AddTo(command);
        validArea.AddTo(command);
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(input)!);
            var read = source.Read(parse);
            var volume = CtReader.ReadSliceOrVolume(path, read);
            var settings = new DetectSettings(path, parse.GetValue(slice), Path.GetFullPath(parse.GetValue(outPath)!), parse.GetValue(json));
            DetectHandler.Check(settings, volume.Geometry.Depth);
            var (definition, note) = PipelineChoice.Resolve(parse.GetValue(pipeline), parse.GetValue(model), validArea.Options(parse), parse.GetValue(activation),
                framing: parse.GetValue(framing));
            var writers = CommandWriters.Of(parse);
            if (note is not null) writers.Log(settings.Json).WriteLine(note);
            writers.Log(settings.Json).WriteLine($"Output: {settings.Out}");
            WindowNotes.Write(path, read, writers.Log(settings.Json), writers.Log(settings.Json));
            DetectConsole.Write(writers.Output, DetectHandler.Run(settings, definition, volume, writers.Log(settings.Json)), settings.Json);
            return CliApp.Success;
        });
        return command;
    }
}

/// <summary>What <c>detect</c> was asked to do.</summary>
/// <param name="Input">The CT's full path.</param>
/// <param name="SliceIndex">Only this 0-based slice index, or null for every slice.</param>
/// <param name="Out">A .png file or a folder.</param>
/// <param name="Json">Print JSON instead of text.</param>
internal sealed record DetectSettings(string Input, int? SliceIndex, string Out, bool Json)
{
    public bool SingleFigure => Out.EndsWith(".png", StringComparison.OrdinalIgnoreCase);
}
