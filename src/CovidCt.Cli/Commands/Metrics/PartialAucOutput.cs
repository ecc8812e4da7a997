using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>
/// The partial AUC line of <c>metrics scores --partial-auc S</c> in text and its <c>partial_auc</c> JSON object (null without
/// the option), with the bootstrap intervals: stratified by class over cases (pROC's), or over patients with a patient column.
/// </summary>
internal static class PartialAucOutput
{
    public static void Text(IAnsiConsole console, PartialAucResult? result, PartialAucInterval? interval)
    {
        if (result is null) return;
        var range = PartialAucText.Range(result.MinimumSpecificity);
        console.Line(result.Area.Value is null
            ? $"Partial AUC ({range}) {PartialAucText.Describe(result)}"
            : $"Partial AUC ({range}): {PartialAucText.Describe(result, Ci(interval?.Area), Ci(interval?.McClish))}"
              + (interval is null ? "; no interval" : $"; {Design(interval.Area)}"));
    }

    private static string Ci(BootstrapResult? bootstrap) => bootstrap?.Interval is { } ci
        ? $" ({TextFormat.Level(ci.Level)} CI {TextFormat.Number(ci.Lower, "0.0000")}–{TextFormat.Number(ci.Upper, "0.0000")})"
        : bootstrap is null ? "" : " (no interval: undefined in every resample)";

    private static string Design(BootstrapResult bootstrap)
    {
        var kind = bootstrap.Interval?.Method == "patient-bootstrap-percentile" ? "patient bootstrap" : "bootstrap stratified by class";
        var undefined = bootstrap.UndefinedResamples > 0 ? $", {TextFormat.Count(bootstrap.UndefinedResamples)} without both classes left out" : "";
        return $"{kind}, {TextFormat.Count(bootstrap.Resamples)} resamples{undefined}";
    }

    public static void Json(JsonOutput j, PartialAucResult? result, PartialAucInterval? interval)
    {
        var w = j.Writer;
        if (result is null)
        {
            w.WriteNull("partial_auc");
            return;
        }
        w.WriteStartObject("partial_auc");
        j.Number("min_specificity", result.MinimumSpecificity);
        j.Number("area", result.Area.Value);
        j.Number("max_area", result.Area.Denominator);
        j.Number("mcclish", result.McClish);
        j.Interval("area_ci", interval?.Area.Interval);
        j.Interval("mcclish_ci", interval?.McClish.Interval);
        if (interval is null) w.WriteNull("bootstrap");
        else
        {
            w.WriteStartObject("bootstrap");
            w.WriteNumber("resamples", interval.Area.Resamples);
            w.WriteNumber("seed", interval.Area.Seed);
            w.WriteNumber("undefined_resamples", interval.Area.UndefinedResamples);
            w.WriteEndObject();
        }
        w.WriteString("undefined", result.Area.UndefinedReason);
        w.WriteEndObject();
    }

    /// <summary>The partial AUC of <paramref name="curve"/>, or null without the option; exit 2 outside [0, 1).</summary>
    public static PartialAucResult? Compute(RocCurve curve, double? minimumSpecificity)
    {
        if (Checked(minimumSpecificity) is not { } s) return null;
        return PartialAuc.Compute(curve, s);
    }

    /// <summary>The lowest specificity of a --partial-auc range, or null without the option; exit 2 outside [0, 1).</summary>
    public static double? Checked(double? minimumSpecificity)
    {
        if (minimumSpecificity is { } s && !(s >= 0 && s < 1)) throw new UsageException($"--partial-auc must be the lowest specificity of the range, in [0, 1) (for example 0.8); got {s}");
        return minimumSpecificity;
    }
}
