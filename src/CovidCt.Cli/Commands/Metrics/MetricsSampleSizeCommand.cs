using System.CommandLine;
using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct metrics samplesize --statistic sensitivity|specificity|auc --expected X (--half-width D | --null V)</c>:
/// how many cases a study needs for a target interval half-width or for a test against a null value.
/// </summary>
internal static class MetricsSampleSizeCommand
{
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        ["expected"] = "--expected", ["nullValue"] = "--null", ["halfWidth"] = "--half-width", ["prevalence"] = "--prevalence",
        ["alpha"] = "--alpha", ["power"] = "--power", ["ratio"] = "--ratio", ["level"] = "--level",
    };

    public static Command Create(TextWriter output)
    {
        var statistic = new Option<string>("--statistic") { Description = "What the study estimates: sensitivity, specificity or auc.", Required = true }
            .AcceptOnlyFromAmong("sensitivity", "specificity", "auc");
        var expected = new Option<double>("--expected") { Description = "The value you expect (a proportion, or an AUC in [0.5, 1)).", Required = true };
        var halfWidth = new Option<double?>("--half-width") { Description = "Target half-width of the confidence interval (0.05 = ±5 points)." };
        var nullValue = new Option<double?>("--null") { Description = "Null value to test against instead (two-sided), e.g. --expected 0.9 --null 0.8." };
        var power = new Option<double>("--power") { Description = "Power of the test (with --null).", DefaultValueFactory = _ => 0.8 };
        var alpha = new Option<double>("--alpha") { Description = "Two-sided significance level of the test (with --null).", DefaultValueFactory = _ => 0.05 };
        var prevalence = new Option<double?>("--prevalence") { Description = "Prevalence in the population you enrol from: gives the total to enrol (and, for the AUC, the class ratio)." };
        var ratio = new Option<double?>("--ratio") { Description = "AUC only: non-diseased cases per diseased case (default 1, or from --prevalence)." };
        var variance = new Option<string>("--auc-variance")
        {
            Description = "AUC test only: the AUC's variance, hanley-mcneil (default; Hanley and McNeil 1982) or binormal (Obuchowski, Lieber and Wians 2004, "
                + "the method of their Table 4 and of pROC's power.roc.test; only against --null 0.5).",
            DefaultValueFactory = _ => "hanley-mcneil",
        }.AcceptOnlyFromAmong("hanley-mcneil", "binormal");
        var oneSided = new Option<bool>("--one-sided") { Description = "With --auc-variance binormal: a one-sided test of AUC > 0.5 (as the published table), not two-sided." };
        var level = MetricsOptions.Level();
        var json = MetricsOptions.Json();
        var command = new Command("samplesize", "Sample size for sensitivity, specificity or the AUC: a target CI half-width (Buderer 1996; Hanley–McNeil 1982) or a test's power.")
        {
            statistic, expected, halfWidth, nullValue, power, alpha, prevalence, ratio, variance, oneSided, level, json,
        };
        command.SetAction(parse =>
        {
            var (width, test) = (parse.GetValue(halfWidth), parse.GetValue(nullValue));
            if ((width is null) == (test is null)) throw new UsageException("give exactly one of --half-width (a target interval) and --null (a test)");
            var which = parse.GetValue(statistic)!;
            var (pi, k) = (parse.GetValue(prevalence), parse.GetValue(ratio));
            if (which != "auc" && k is not null) throw new UsageException("--ratio applies to --statistic auc only; sensitivity and specificity use --prevalence");
            if (which == "auc" && pi is not null && k is not null) throw new UsageException("give --prevalence or --ratio for the AUC, not both");
            if (pi is { } p && !(p > 0 && p < 1)) throw new UsageException($"--prevalence must lie strictly between 0 and 1, got {p}");
            var binormal = parse.GetValue(variance) == "binormal";
            if (binormal && (which != "auc" || test != 0.5)) throw new UsageException("--auc-variance binormal tests an AUC against chance: give --statistic auc and --null 0.5");
            if (parse.GetValue(oneSided) && !binormal) throw new UsageException("--one-sided applies to --auc-variance binormal only");
            var lvl = MetricsOptions.CheckedLevel(parse.GetValue(level));
            var r = k ?? (pi is { } q ? (1 - q) / q : 1);
            var result = binormal
                ? Guarded(() => SampleSize.AucAboveChance(parse.GetValue(expected), parse.GetValue(alpha), parse.GetValue(power), r, parse.GetValue(oneSided)))
                : Compute(which, parse.GetValue(expected), width, test, parse.GetValue(alpha), parse.GetValue(power), pi, r, lvl);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, j =>
                {
                    j.Writer.WriteString("statistic", which);
                    j.Number("expected", parse.GetValue(expected));
                    j.Number("half_width", width);
                    j.Number("null", test);
                    j.Number("prevalence", pi);
                    WriteCount(j, "diseased", result.Diseased);
                    WriteCount(j, "non_diseased", result.NonDiseased);
                    WriteCount(j, "total", result.Total);
                    j.Number(width is null ? "power" : "achieved_half_width", result.Achieved);
                    j.Writer.WriteString("method", result.Method);
                    if (result.Caveat is { } caveat) j.Writer.WriteString("caveat", caveat);
                    else j.Writer.WriteNull("caveat");
                });
                return CliApp.Success;
            }
            var console = TextConsole.Create(output);
            console.Line(width is { } d
                ? $"{which} {parse.GetValue(expected)} to ±{TextFormat.Number(d, "0.###")} ({TextFormat.Level(lvl)} CI), method {result.Method}:"
                : $"{which} {parse.GetValue(expected)} against {test} ({(parse.GetValue(oneSided) ? "one" : "two")}-sided α {parse.GetValue(alpha)}, power {parse.GetValue(power)}), method {result.Method}:");
            if (result.Diseased is { } nd) console.Line($"  diseased cases:      {nd}");
            if (result.NonDiseased is { } nn) console.Line($"  non-diseased cases:  {nn}");
            if (result.Total is { } total) console.Line($"  total to enrol:      {total}{(pi is { } prev ? $" (prevalence {TextFormat.Number(100 * prev, "0.##")}%)" : "")}");
            console.Line(width is null ? $"  power reached:       {TextFormat.Number(result.Achieved, "0.000")}" : $"  half-width reached:  ±{TextFormat.Number(result.Achieved, "0.0000")}");
            if (result.Caveat is { } note) console.Line($"  note: {note}");
            return CliApp.Success;
        });
        return command;
    }

    private static void WriteCount(JsonOutput j, string name, long? count)
    {
        if (count is { } c) j.Writer.WriteNumber(name, c);
        else j.Writer.WriteNull(name);
    }

    private static SampleSizeResult Compute(string which, double expected, double? width, double? test, double alpha, double power, double? prevalence, double ratio, double level) =>
        Guarded(() => (which, width, test) switch
        {
            ("auc", { } d, _) => SampleSize.AucForWidth(expected, d, ratio, level),
            ("auc", _, { } v) => SampleSize.AucTest(expected, v, alpha, power, ratio),
            ("sensitivity", { } d, _) => SampleSize.SensitivityForWidth(expected, d, prevalence, level),
            ("specificity", { } d, _) => SampleSize.SpecificityForWidth(expected, d, prevalence, level),
            (_, _, { } v) => ProportionTest(which, expected, v, alpha, power, prevalence),
            _ => throw new UsageException("give exactly one of --half-width and --null"),
        });

    // A value out of range becomes a usage error naming its option.
    private static SampleSizeResult Guarded(Func<SampleSizeResult> compute)
    {
        try
        {
            return compute();
        }
        catch (ArgumentOutOfRangeException e)
        {
            var option = e.ParamName is { } name && OptionOf.TryGetValue(name, out var o) ? o : "an option";
            throw new UsageException($"{option}: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private static SampleSizeResult ProportionTest(string which, double expected, double nullValue, double alpha, double power, double? prevalence)
    {
        var n = SampleSize.ProportionTest(expected, nullValue, alpha, power);
        var share = prevalence is { } p ? which == "sensitivity" ? p : 1 - p : (double?)null;
        long? total = share is { } s ? (long)Math.Ceiling(Math.Round(n / s, 9)) : null;
        return which == "sensitivity"
            ? new SampleSizeResult(n, null, total, SampleSize.ProportionTestPower(expected, nullValue, n, alpha), "binomial-test", null)
            : new SampleSizeResult(null, n, total, SampleSize.ProportionTestPower(expected, nullValue, n, alpha), "binomial-test", null);
    }
}
