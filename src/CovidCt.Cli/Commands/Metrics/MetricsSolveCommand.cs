using System.CommandLine;
using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct metrics solve</c>: every integer (TP, FN, TN, FP) consistent with published rounded percentages,
/// or the closest tables when none is.
/// </summary>
internal static class MetricsSolveCommand
{
    public static Command Create(TextWriter output)
    {
        var sens = Percent("--sens", "Published sensitivity in percent (required).");
        var spec = Percent("--spec", "Published specificity in percent (required).");
        var acc = Percent("--acc", "Published accuracy in percent.");
        var ppv = Percent("--ppv", "Published PPV in percent.");
        var npv = Percent("--npv", "Published NPV in percent.");
        var decimals = new Option<int>("--decimals") { Description = "Decimals the percentages were printed with (0–6).", DefaultValueFactory = _ => 2 };
        var rounding = new Option<string>("--rounding") { Description = "Rounding rule: half-up (default) or half-even.", DefaultValueFactory = _ => "half-up" }
            .AcceptOnlyFromAmong("half-up", "half-even");
        var total = new Option<long?>("--total") { Description = "Known total number of cases (class sizes unknown)." };
        var positives = new Option<long?>("--positives") { Description = "Known number of diseased cases (with --negatives)." };
        var negatives = new Option<long?>("--negatives") { Description = "Known number of non-diseased cases (with --positives)." };
        var closest = new Option<int>("--closest") { Description = "How many closest tables to list when none matches exactly.", DefaultValueFactory = _ => 10 };
        var json = MetricsOptions.Json();
        var command = new Command("solve", "Find the confusion tables consistent with published percentages.")
        {
            sens, spec, acc, ppv, npv, decimals, rounding, total, positives, negatives, closest, json,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(sens) is null || parse.GetValue(spec) is null) throw new UsageException("--sens and --spec are required: they bound the search");
            var figures = new PublishedFigures(parse.GetValue(sens), parse.GetValue(spec), parse.GetValue(acc), parse.GetValue(ppv), parse.GetValue(npv),
                parse.GetValue(decimals), parse.GetValue(rounding) == "half-even" ? RoundingRule.HalfEven : RoundingRule.HalfUp);
            var (t, p, n) = (parse.GetValue(total), parse.GetValue(positives), parse.GetValue(negatives));
            var k = parse.GetValue(closest);
            if (k < 0) throw new UsageException("--closest must be non-negative");
            RequireCases("--total", t, 2, MaxTotal);
            RequireCases("--positives", p, 1, MaxClassSize);
            RequireCases("--negatives", n, 1, MaxClassSize);
            SolverResult result;
            try
            {
                result = (t, p, n) switch
                {
                    ({ } all, null, null) => PublishedFigureSolver.SolveForTotal(figures, all, k),
                    (null, { } pos, { } neg) => PublishedFigureSolver.Solve(figures, pos, neg, k),
                    _ => throw new UsageException("give either --total, or both --positives and --negatives"),
                };
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, j =>
                {
                    SolverJson.Figures(j, figures);
                    j.Writer.WriteStartObject("constraint");
                    if (t is { } all) j.Writer.WriteNumber("total", all);
                    else
                    {
                        j.Writer.WriteNumber("positives", p!.Value);
                        j.Writer.WriteNumber("negatives", n!.Value);
                    }
                    j.Writer.WriteEndObject();
                    SolverJson.Fits(j, "exact", result.ExactSolutions);
                    SolverJson.Fits(j, "closest", result.ClosestFits);
                });
            }
            else
            {
                var console = TextConsole.Create(output);
                var constraint = t is { } all ? $"{TextFormat.Count(all)} cases in total" : $"{TextFormat.Count(p!.Value)} diseased and {TextFormat.Count(n!.Value)} non-diseased cases";
                console.Line(result.HasExactSolution
                    ? $"{result.ExactSolutions.Count} table(s) of {constraint} reproduce every figure:"
                    : $"No table of {constraint} reproduces every figure. Closest, by largest deviation (percentage points):");
                console.Write(SolverTable.Create(result.HasExactSolution ? result.ExactSolutions : result.ClosestFits));
            }
            return CliApp.Success;
        });
        return command;
    }

    // The search over every split of a total costs about total x (total / 10,000)² steps at two decimals, so the total is
    // capped where it still takes seconds; with the class sizes known only the narrow windows are searched.
    private const long MaxTotal = 100_000;
    private const long MaxClassSize = 10_000_000;

    // Sensitivity and specificity are required, so each class needs at least one case.
    private static void RequireCases(string option, long? value, long min, long max)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw new UsageException($"{option} must be between {min:N0} and {max:N0} cases (the limit keeps the search to seconds); got {v:N0}");
        }
    }

    private static Option<decimal?> Percent(string name, string description) => new(name) { Description = description };
}
