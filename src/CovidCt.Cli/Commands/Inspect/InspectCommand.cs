using System.CommandLine;
using CovidCt.Data;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct inspect SRC</c>: dimensions, spacing, slices, HU range, orientation and series UID of a CT; for PNG/JPEG slices, the
/// read window's plausibility and the window that fits them best; for a folder of slices of different sizes, their sizes.
/// </summary>
internal static class InspectCommand
{
    public static Command Create(TextWriter output)
    {
        var source = new Argument<string>("src") { Description = "A DICOM folder, a NIfTI file (.nii, .nii.gz) or a folder of PNG/JPEG slices." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var ct = new CtSourceOptions();
        var command = new Command("inspect", "Describe a CT: dimensions, spacing, slice count, HU range, orientation, series UID.") { source, json };
        ct.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(source)!;
            var kind = CtReader.Detect(path);
            InspectConsole.Write(output, InspectHandler.Run(path, kind, ct.Read(parse)), parse.GetValue(json));
            return CliApp.Success;
        });
        return command;
    }
}
