using System.CommandLine;
using CovidCt.Cli.Output;
using CovidCt.Metrics;

namespace CovidCt.Cli.Commands;

/// <summary><c>covidct metrics counts --tp --fn --tn --fp</c>: every metric of one confusion table with intervals.</summary>
internal static class MetricsCountsCommand
{
    public static Command Create(TextWriter output)
    {
        var tp = Count("--tp", "True positives: diseased cases called positive.");
        var fn = Count("--fn", "False negatives: diseased cases called negative.");
        var tn = Count("--tn", "True negatives: non-diseased cases called negative.");
        var fp = Count("--fp", "False positives: non-diseased cases called positive.");
        var ci = MetricsOptions.Ci();
        var level = MetricsOptions.Level();
        var json = MetricsOptions.Json();
        var command = new Command("counts", "Metrics of a confusion table (TP, FN, TN, FP) with confidence intervals.") { tp, fn, tn, fp, ci, level, json };
        command.SetAction(parse =>
        {
            var counts = new ConfusionCounts(parse.GetValue(tp), parse.GetValue(fp), parse.GetValue(tn), parse.GetValue(fn));
            var metrics = DiagnosticMetrics.Compute(counts, MetricsOptions.Method(parse.GetValue(ci)!), MetricsOptions.CheckedLevel(parse.GetValue(level)));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, j =>
                {
                    j.Counts("counts", counts);
                    j.Writer.WriteString("ci_method", ProportionIntervals.Name(metrics.Method));
                    j.Number("level", metrics.Level);
                    j.Metrics("metrics", metrics);
                });
            }
            else
            {
                var console = TextConsole.Create(output);
                console.Line($"TP {counts.TruePositives}, FN {counts.FalseNegatives}, TN {counts.TrueNegatives}, FP {counts.FalsePositives} ({counts.Total} cases)");
                console.Write(MetricsTable.Create(metrics));
            }
            return CliApp.Success;
        });
        return command;
    }

    private static Option<long> Count(string name, string description)
    {
        var option = new Option<long>(name) { Description = description, Required = true };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 0) result.AddError($"{name} must be a non-negative count");
        });
        return option;
    }
}
