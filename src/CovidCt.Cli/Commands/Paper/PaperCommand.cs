using System.CommandLine;

namespace CovidCt.Cli.Commands;

/// <summary><c>covidct paper</c>: the study's published tables beside values recomputed from the solved counts, with intervals, and the findings.</summary>
internal static class PaperCommand
{
    public static Command Create(TextWriter output)
    {
        var ci = MetricsOptions.Ci();
        var level = MetricsOptions.Level();
        var json = MetricsOptions.Json();
        var command = new Command("paper", "The study's published tables beside values recomputed from the counts they imply, with confidence intervals.") { ci, level, json };
        command.SetAction(parse =>
        {
            var report = PaperReport.Build(MetricsOptions.Method(parse.GetValue(ci)!), MetricsOptions.CheckedLevel(parse.GetValue(level)));
            if (parse.GetValue(json)) PaperConsole.Json(output, report);
            else PaperConsole.Text(output, report);
            return CliApp.Success;
        });
        return command;
    }
}
