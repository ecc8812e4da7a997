using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>The partial AUC line of <c>metrics scores --partial-auc S</c> in text and its <c>partial_auc</c> JSON object (null without the option).</summary>
internal static class PartialAucOutput
{
    public static void Text(IAnsiConsole console, PartialAucResult? result)
    {
        if (result is null) return;
        var range = PartialAucText.Range(result.MinimumSpecificity);
        console.Line(result.Area.Value is null
            ? $"Partial AUC ({range}) {PartialAucText.Describe(result)}"
            : $"Partial AUC ({range}): {PartialAucText.Describe(result)}; no interval");
    }

    public static void Json(JsonOutput j, PartialAucResult? result)
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
        if (result.Area.UndefinedReason is { } reason) w.WriteString("undefined", reason);
        else w.WriteNull("undefined");
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
