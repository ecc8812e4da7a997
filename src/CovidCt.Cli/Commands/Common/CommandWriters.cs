using System.CommandLine;

namespace CovidCt.Cli.Commands;

/// <summary>
/// The writers of one invocation, as the caller of <see cref="CliApp.Run"/> passed them (a test's string writers, or the
/// process's stdout and stderr): nothing a command prints goes anywhere else.
/// </summary>
/// <param name="Output">Tables, or the JSON document with --json.</param>
/// <param name="Error">Errors; also notes and progress when the output carries JSON.</param>
internal sealed record CommandWriters(TextWriter Output, TextWriter Error)
{
    public static CommandWriters Of(ParseResult parse) => new(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);

    /// <summary>Where notes and progress go: the output, unless it carries a JSON document that they would corrupt.</summary>
    public TextWriter Log(bool json) => json ? Error : Output;
}
