using System.CommandLine;
using CovidCt.Data;
using CovidCt.Imaging;

namespace CovidCt.Cli.Commands;

/// <summary>The options every command that reads a CT shares: which DICOM series, the window of PNG/JPEG slices, and the read limits.</summary>
internal sealed class CtSourceOptions
{
    public Option<string?> Series { get; } = new("--series") { Description = "Series Instance UID to read when a DICOM folder holds several." };

    public Option<string?> Window { get; } = new("--window")
    {
        Description = $"WIDTH/LEVEL in HU the PNG/JPEG slices were exported with, e.g. 1500/-600 (a manifest's window column wins for its row). Default: the study's {StudyProtocol.LungWindow}, with a note.",
    };

    public ReadLimitOptions Limits { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Series);
        command.Options.Add(Window);
        Limits.AddTo(command);
    }

    public CtReadOptions Read(ParseResult parse)
    {
        HounsfieldWindow? window = null;
        if (parse.GetValue(Window) is { } text && !HounsfieldWindow.TryParse(text, out window, out var problem))
        {
            throw new UsageException($"--window: {problem}");
        }
        return new CtReadOptions { SeriesInstanceUid = parse.GetValue(Series), Window = window, Limits = Limits.Read(parse) };
    }
}
