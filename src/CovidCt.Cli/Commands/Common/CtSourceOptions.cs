using System.CommandLine;
using CovidCt.Data;
using CovidCt.Imaging;

namespace CovidCt.Cli.Commands;

/// <summary>The options every command that reads a CT shares: which DICOM series, and the window of a PNG/JPEG slice folder.</summary>
internal sealed class CtSourceOptions
{
    public Option<string?> Series { get; } = new("--series") { Description = "Series Instance UID to read when a DICOM folder holds several." };

    public Option<double> WindowWidth { get; } = new("--window-width") { Description = "Window width (HU) the PNG/JPEG slices were exported with.", DefaultValueFactory = _ => StudyProtocol.WindowWidth };

    public Option<double> WindowLevel { get; } = new("--window-level") { Description = "Window level (HU) the PNG/JPEG slices were exported with.", DefaultValueFactory = _ => StudyProtocol.WindowLevel };

    public void AddTo(Command command)
    {
        command.Options.Add(Series);
        command.Options.Add(WindowWidth);
        command.Options.Add(WindowLevel);
    }

    public CtReadOptions Read(ParseResult parse)
    {
        var (width, level) = (parse.GetValue(WindowWidth), parse.GetValue(WindowLevel));
        if (!(width > 0) || !double.IsFinite(width)) throw new UsageException($"--window-width must be a positive number of HU; got {width}");
        if (!double.IsFinite(level)) throw new UsageException($"--window-level must be a finite number of HU; got {level}");
        return new CtReadOptions { SeriesInstanceUid = parse.GetValue(Series), Window = new HounsfieldWindow(width, level) };
    }
}
