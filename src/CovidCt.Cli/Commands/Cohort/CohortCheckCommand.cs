using System.CommandLine;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct cohort check MANIFEST.csv | --images DIR --masks DIR</c>: validates a cohort completely, reading every case as
/// evaluate, compare and sweep read it (the same <see cref="CtSourceOptions"/> and <see cref="ImageFolderOptions"/>: series,
/// window, fitted windows, read limits, label masks), and prints either a summary or every problem with its line; exit 2 on problems.
/// </summary>
internal static class CohortCheckCommand
{
    public static Command Create(TextWriter output)
    {
        var manifest = new Argument<string?>("manifest")
        {
            Description = "The cohort manifest CSV (patient_id,label,images,masks,split, or image-level image_id,image,mask,split); or give --images and --masks.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var source = new CtSourceOptions();
        var folders = new ImageFolderOptions();
        var command = new Command("check", "Validate a cohort (a manifest, or --images/--masks) as a run reads it: reports every problem at once with file and line; exit code 2 when there are any.") { manifest };
        source.AddTo(command);
        folders.AddTo(command);
        command.SetAction(parse =>
        {
            var result = CohortCheckHandler.Run(parse, parse.GetValue(manifest), source, folders);
            return CohortCheckConsole.Write(output, result);
        });
        return command;
    }
}
