using Spectre.Console;

namespace CovidCt.Cli.Output;

/// <summary>
/// Progress of a run over patients: a Spectre.Console bar when the writer it is given is an interactive terminal, one line per
/// patient when it is a file, a pipe or a test's writer, nothing with --quiet.
/// </summary>
internal sealed class RunProgress
{
    private readonly TextWriter? _lines;
    private readonly IAnsiConsole? _bar;

    private RunProgress(TextWriter? lines, IAnsiConsole? bar)
    {
        _lines = lines;
        _bar = bar;
    }

    /// <summary>Progress written to <paramref name="writer"/>; none when <paramref name="quiet"/>.</summary>
    public static RunProgress For(TextWriter writer, bool quiet)
    {
        if (quiet) return new RunProgress(null, null);
        // Spectre detects whether this writer is a terminal (a test's or a redirected writer is not): the bar is drawn on it, never elsewhere.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        return new RunProgress(writer, console.Profile.Capabilities.Interactive ? console : null);
    }

    /// <summary>Runs <paramref name="work"/>, which calls the step action once per finished item with a short description of it.</summary>
    public void Run(string title, int total, Action<Action<string>> work)
    {
        if (_bar is null)
        {
            _lines?.WriteLine(title);
            work(item => _lines?.WriteLine("  " + item));
            return;
        }
        _bar.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: Math.Max(total, 1));
                work(item =>
                {
                    task.Description = Markup.Escape($"{title}: {item}");
                    task.Increment(1);
                });
            });
    }
}
