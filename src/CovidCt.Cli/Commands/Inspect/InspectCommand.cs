using System.CommandLine;
using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

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
            var read = ct.Read(parse);
            // A folder of slices of different sizes is not a series: describe it as the unrelated images it holds.
            if (kind == CtSourceKind.SliceFolder && SliceImageSizes.Of(path, read.Limits) is var sizes && sizes.Select(s => (s.Width, s.Height)).Distinct().Count() > 1)
            {
                var images = ImageFolderSummary.Of(path, sizes, read, SliceWindowCheck.Check(path, read.Window ?? StudyProtocol.LungWindow));
                if (parse.GetValue(json)) output.Write(Reporting.Files.OutputJson.Serialize(images));
                else images.WriteText(output);
                return CliApp.Success;
            }
            var summary = VolumeSummary.Of(CtReader.Read(path, read), kind);
            if (kind == CtSourceKind.SliceFolder)
            {
                var check = SliceWindowCheck.Check(path, read.Window ?? StudyProtocol.LungWindow, read.Limits);
                summary = summary with { ReadWindow = check.Window.ToString(), FittedWindow = check.Fit?.BestWindow?.ToString(), WindowProblems = check.Problems };
            }
            if (parse.GetValue(json)) output.Write(Reporting.Files.OutputJson.Serialize(summary));
            else summary.WriteText(output);
            return CliApp.Success;
        });
        return command;
    }
}
