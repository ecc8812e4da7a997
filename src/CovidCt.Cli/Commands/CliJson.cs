using System.Text.Json;

namespace CovidCt.Cli.Commands;

/// <summary>JSON settings of the data commands: snake_case names, indented.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
}
