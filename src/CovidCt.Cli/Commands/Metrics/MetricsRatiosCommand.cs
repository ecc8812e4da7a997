using System.CommandLine;
using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct metrics ratios --tp --fn --tn --fp [--prevalence π]</c>: the diagnostic odds ratio and likelihood ratios
/// with intervals that survive a zero cell, and the predictive values at another prevalence.
/// </summary>
internal static class MetricsRatiosCommand
{
    public static Command Create(TextWriter output)
    {
        var tp = MetricsCountsCommand.Count("--tp", "True positives: diseased cases called positive.");
        var fn = MetricsCountsCommand.Count("--fn", "False negatives: diseased cases called negative.");
        var tn = MetricsCountsCommand.Count("--tn", "True negatives: non-diseased cases called negative.");
        var fp = MetricsCountsCommand.Count("--fp", "False positives: non-diseased cases called positive.");
        var prevalence = new Option<double?>("--prevalence") { Description = "Target prevalence in (0, 1) for PPV and NPV (default: none; the table's own PPV/NPV are in 'metrics counts')." };
        var level = MetricsOptions.Level();
        var json = MetricsOptions.Json();
        var command = new Command("ratios", "Diagnostic odds ratio and likelihood ratios with intervals (Haldane correction when a cell is 0); PPV and NPV at a target prevalence.")
        {
            tp, fn, tn, fp, prevalence, level, json,
        };
        command.SetAction(parse =>
        {
            var counts = new ConfusionCounts(parse.GetValue(tp), parse.GetValue(fp), parse.GetValue(tn), parse.GetValue(fn));
            var lvl = MetricsOptions.CheckedLevel(parse.GetValue(level));
            var pi = parse.GetValue(prevalence);
            if (pi is { } p && !(p > 0 && p < 1)) throw new UsageException($"--prevalence must lie strictly between 0 and 1, got {p}");
            var rows = new List<(string Key, string Label, CorrectedRatio Result)>
            {
                ("diagnostic_odds_ratio", "DOR", RatioSummaries.DiagnosticOddsRatio(counts, lvl)),
                ("lr_positive", "LR+", RatioSummaries.PositiveLikelihoodRatio(counts, lvl)),
                ("lr_negative", "LR−", RatioSummaries.NegativeLikelihoodRatio(counts, lvl)),
            };
            if (pi is { } target)
            {
                rows.Add(("ppv_at_prevalence", $"PPV at {TextFormat.Number(100 * target, "0.##")}%", RatioSummaries.PositivePredictiveValue(counts, target, lvl)));
                rows.Add(("npv_at_prevalence", $"NPV at {TextFormat.Number(100 * target, "0.##")}%", RatioSummaries.NegativePredictiveValue(counts, target, lvl)));
            }
            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, j =>
                {
                    j.Counts("counts", counts);
                    j.Number("prevalence", pi);
                    foreach (var (key, _, result) in rows)
                    {
                        j.Writer.WriteStartObject(key);
                        j.Estimate("estimate", result.Estimate);
                        j.Writer.WriteBoolean("zero_cell_corrected", result.ZeroCellCorrected);
                        if (result.Caveat is { } caveat) j.Writer.WriteString("caveat", caveat);
                        else j.Writer.WriteNull("caveat");
                        j.Writer.WriteEndObject();
                    }
                });
                return CliApp.Success;
            }
            var console = TextConsole.Create(output);
            console.Line($"TP {counts.TruePositives}, FN {counts.FalseNegatives}, TN {counts.TrueNegatives}, FP {counts.FalsePositives} ({counts.Total} cases)");
            var table = TextConsole.Table("Statistic", "Value", $"{TextFormat.Level(lvl)} CI", "Method", "Note");
            foreach (var (_, label, result) in rows)
            {
                var e = result.Estimate;
                table.AddTextRow(label, e.Value is { } v ? TextFormat.Number(v, "0.####") : "undefined",
                    e.Interval is { } ci ? $"{TextFormat.Number(ci.Lower, "0.####")}–{TextFormat.Number(ci.Upper, "0.####")}" : "—",
                    e.Interval?.Method ?? "—", result.Caveat ?? "");
            }
            console.Write(table);
            return CliApp.Success;
        });
        return command;
    }
}
