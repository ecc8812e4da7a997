using Spectre.Console;
using Spectre.Console.Rendering;

namespace CovidCt.Cli.Output;

/// <summary>Spectre.Console over the command's output writer: plain text, no colours, fixed width so output is the same in a terminal, a file and a test.</summary>
internal static class TextConsole
{
    public const int Width = 120;

    public static IAnsiConsole Create(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = Width;
        return console;
    }

    /// <summary>A table whose cells are plain text (never parsed as markup, so brackets in file names are safe).</summary>
    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers) table.AddColumn(new TableColumn(new Text(header)));
        return table;
    }

    public static void AddTextRow(this Table table, params string[] cells) => table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());

    // Plain lines bypass Spectre's word wrapping: sentences stay whole for grep and for copying into notes.
    public static void Line(this IAnsiConsole console, string text = "") => console.Profile.Out.Writer.WriteLine(text);
}
