using System.CommandLine;

namespace CovidCt.Cli.Commands;

/// <summary>The <c>covidct model</c> group: work on a lesion model file itself (<c>quantize</c>).</summary>
internal static class ModelCommands
{
    public static Command Create() => new("model", "Lesion model files: make an int8 version of a float model.") { ModelQuantizeCommand.Create() };
}
