using CovidCt.Cli.Output;
using CovidCt.Reporting.Conventions;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>Text lines and the <c>fixed_rates</c> JSON array of <see cref="FixedRateAnalysis"/>.</summary>
internal static class FixedRateOutput
{
    public static void Text(IAnsiConsole console, IReadOnlyList<FixedRateAnalysis> rates)
    {
        foreach (var r in rates)
        {
            var head = $"{Capitalised(r.Rate)} at {r.FixedAt} ≥ {TextFormat.Percent(r.Result.Target)}";
            if (r.Result.Rate.Value is not { } value || r.Result.Point is not { } point)
            {
                console.Line($"{head}: undefined ({r.Result.Rate.UndefinedReason})");
                continue;
            }
            var achieved = r.Rate == "sensitivity" ? point.Specificity : point.Sensitivity;
            var ci = r.Result.Rate.Interval!;
            var boot = r.Bootstrap.Interval is { } b
                ? $"{TextFormat.Percent(b.Lower)}–{TextFormat.Percent(b.Upper)}"
                : "undefined in every resample";
            console.Line($"{head}: {TextFormat.Percent(value)} ({TextFormat.Count((long)r.Result.Rate.Numerator)}/{TextFormat.Count((long)r.Result.Rate.Denominator)}) "
                + $"at score ≥ {TextFormat.Number(point.Threshold, "0.####")} ({r.FixedAt} {TextFormat.Percent(achieved)}); "
                + $"{TextFormat.Level(ci.Level)} CI {TextFormat.Percent(ci.Lower)}–{TextFormat.Percent(ci.Upper)} ({ci.Method}, threshold fixed), "
                + $"{boot} (bootstrap re-choosing the threshold, {TextFormat.Count(r.Bootstrap.Resamples)} resamples of {r.BootstrapUnit}, "
                + $"{TextFormat.Count(r.Bootstrap.UndefinedResamples)} undefined)");
        }
    }

    public static void Json(JsonOutput j, IReadOnlyList<FixedRateAnalysis> rates)
    {
        var w = j.Writer;
        w.WriteStartArray("fixed_rates");
        foreach (var r in rates)
        {
            w.WriteStartObject();
            w.WriteString("rate", r.Rate);
            w.WriteString("fixed", r.FixedAt);
            j.Number("target", r.Result.Target);
            if (r.Result.Point is { } point)
            {
                j.Number("threshold", point.Threshold);
                j.Counts("counts", point.Counts);
                j.Number("achieved", r.Rate == "sensitivity" ? point.Specificity : point.Sensitivity);
            }
            else
            {
                w.WriteNull("threshold");
                w.WriteNull("counts");
                w.WriteNull("achieved");
            }
            j.Estimate("estimate", r.Result.Rate);
            w.WriteStartObject("bootstrap");
            w.WriteString("unit", r.BootstrapUnit);
            w.WriteNumber("resamples", r.Bootstrap.Resamples);
            w.WriteNumber("seed", r.Bootstrap.Seed);
            j.Interval("ci", r.Bootstrap.Interval);
            w.WriteNumber("undefined_resamples", r.Bootstrap.UndefinedResamples);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
