using CovidCt.Cli.Output;
using CovidCt.Reporting.Conventions;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>The PR-AUC (average precision) line of <c>metrics scores</c> in text and its <c>pr_auc</c> JSON object.</summary>
internal static class PrAucOutput
{
    public static void Text(IAnsiConsole console, ScoreAnalysis a)
    {
        var ap = a.PrAuc.AveragePrecision;
        var baseline = $"baseline (prevalence) {TextFormat.Number(a.PrAuc.Baseline, "0.0000")}";
        if (ap.Value is not { } value)
        {
            console.Line($"PR-AUC (average precision) undefined: {ap.UndefinedReason}; {baseline}");
            return;
        }
        var logit = ap.Interval is { } ci
            ? $"{TextFormat.Level(ci.Level)} CI {TextFormat.Number(ci.Lower, "0.0000")}–{TextFormat.Number(ci.Upper, "0.0000")} (logit)"
            : "no logit interval (average precision is 1)";
        var bootstrap = a.PrAucBootstrap is { } b
            ? b.Interval is { } bi
                ? $"; patient bootstrap {TextFormat.Number(bi.Lower, "0.0000")}–{TextFormat.Number(bi.Upper, "0.0000")} ({TextFormat.Count(b.UndefinedResamples)} undefined resamples)"
                : "; patient bootstrap undefined in every resample"
            : "";
        console.Line($"PR-AUC (average precision) {TextFormat.Number(value, "0.0000")}, {logit}{bootstrap}; {baseline}");
    }

    public static void Json(JsonOutput j, ScoreAnalysis a)
    {
        var w = j.Writer;
        w.WriteStartObject("pr_auc");
        j.Estimate("average_precision", a.PrAuc.AveragePrecision);
        j.Number("baseline", a.PrAuc.Baseline);
        if (a.PrAucBootstrap is { } b)
        {
            w.WriteStartObject("patient_bootstrap");
            w.WriteNumber("resamples", b.Resamples);
            w.WriteNumber("seed", b.Seed);
            j.Interval("ci", b.Interval);
            w.WriteNumber("undefined_resamples", b.UndefinedResamples);
            w.WriteEndObject();
        }
        else w.WriteNull("patient_bootstrap");
        w.WriteEndObject();
    }
}
