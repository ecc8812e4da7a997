using Spectre.Console;

namespace CovidCt.Cli.Output;

/// <summary>
/// Progress of a run over patients: a Spectre.Console bar when the command writes to an interactive terminal, one line per
/// patient when its output is a file, a pipe or a test's writer, nothing with --quiet.
/// </summary>
internal sealed class RunProgress
{
    private readonly TextWriter? _lines;
    private readonly bool _bar;

    private RunProgress(TextWriter? lines, bool bar)
    {
        _lines = lines;
        _bar = bar;
    }

    /// <summary>Progress written to <paramref name="writer"/>; none when <paramref name="quiet"/>.</summary>
    public static RunProgress For(TextWriter writer, bool quiet)
    {
        if (quiet) return new RunProgress(null, bar: false);
        // Spectre draws on the process's stdout: a bar only when that is where this output goes anyway.
        return new RunProgress(writer, ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected);
    }

    /// <summary>Runs <paramref name="work"/>, which calls the step action once per finished item with a short description of it.</summary>
    public void Run(string title, int total, Action<Action<string>> work)
    {
        if (!_bar)
        {
            _lines?.WriteLine(title);
            work(item => _lines?.WriteLine("  " + item));
            return;
        }
        AnsiConsole.Progress()
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
