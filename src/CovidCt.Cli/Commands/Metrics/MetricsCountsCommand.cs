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

    // A custom parser, not a validator: a validator reading the value of "1.5" or "abc" throws inside the parser.
    internal static Option<long> Count(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)) return count;
            result.AddError($"{name} must be a whole non-negative number of cases; got '{text}'");
            return 0;
        },
    };
}
