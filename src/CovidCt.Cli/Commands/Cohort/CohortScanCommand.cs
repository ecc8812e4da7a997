using System.CommandLine;

namespace CovidCt.Cli.Commands;

/// <summary><c>covidct cohort scan DIR --labels labels.csv [--out manifest.csv]</c>: writes a manifest from a folder tree of DICOM series (or NIfTI files) and a labels CSV.</summary>
internal static class CohortScanCommand
{
    public static Command Create(TextWriter output)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder tree holding one DICOM series folder (or NIfTI file) per patient." };
        var labels = new Option<FileInfo>("--labels") { Description = "CSV with patient_id,label (covid|control), optional split, masks and source (a series path under the folder).", Required = true };
        var outPath = new Option<FileInfo?>("--out") { Description = "Manifest to write (default: manifest.csv in the scanned folder); replaced when it exists." };
        var command = new Command("scan", "Write a cohort manifest from a folder of DICOM series and a labels CSV; every unlabeled, missing or duplicate series is an error (exit 2).") { folder, labels, outPath };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(folder)!.FullName;
            var manifest = parse.GetValue(outPath)?.FullName ?? Path.Combine(root, "manifest.csv");
            CohortScanConsole.Write(output, CohortScanHandler.Run(root, parse.GetValue(labels)!.FullName, manifest));
            return CliApp.Success;
        });
        return command;
    }
}
