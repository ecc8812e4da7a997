using System.CommandLine;

namespace CovidCt.Cli.Commands;

/// <summary><c>covidct convert SRC OUT.nii.gz</c>: any supported CT to NIfTI.</summary>
internal static class ConvertCommand
{
    public static Command Create(TextWriter output)
    {
        var source = new Argument<string>("src") { Description = "A DICOM folder, a NIfTI file or a folder of PNG/JPEG slices." };
        var target = new Argument<string>("out") { Description = "Output NIfTI file: .nii.gz (compressed) or .nii." };
        var ct = new CtSourceOptions();
        var command = new Command("convert", "Convert a CT (DICOM series, NIfTI, PNG/JPEG slices) to NIfTI; int16 HU when lossless, else float32.") { source, target };
        ct.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(target)!;
            if (!path.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"the output '{path}' must end in .nii.gz or .nii");
            }
            ConvertConsole.Write(output, ConvertHandler.Run(parse.GetValue(source)!, path, ct.Read(parse), output));
            return CliApp.Success;
        });
        return command;
    }
}
