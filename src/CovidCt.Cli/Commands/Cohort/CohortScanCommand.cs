using System.CommandLine;
using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;

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
            if (!Directory.Exists(root)) throw new InvalidInputException(root, "no such folder; expected a folder tree of DICOM series");
            var labelsPath = parse.GetValue(labels)!.FullName;
            var manifest = parse.GetValue(outPath)?.FullName ?? Path.Combine(root, "manifest.csv");
            var entries = CohortScan.Match(root, labelsPath, Path.GetDirectoryName(manifest)!);
            Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
            CohortManifest.Write(manifest, entries);
            var covid = entries.Count(e => e.Label == PatientLabel.Covid);
            output.WriteLine($"Matched {entries.Count} series with {Path.GetFileName(labelsPath)} ({covid} covid, {entries.Count - covid} control); {entries.Count(e => e.Masks is not null)} with masks.");
            output.WriteLine($"Manifest: {manifest}");
            output.WriteLine($"Next: covidct cohort check {manifest}");
            return CliApp.Success;
        });
        return command;
    }
}
