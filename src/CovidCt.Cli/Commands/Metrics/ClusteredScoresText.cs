using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>Text lines of <see cref="ClusteredScores"/>: the clustered AUC interval and the clustered per-image sensitivity and specificity.</summary>
internal static class ClusteredScoresText
{
    public static void Auc(IAnsiConsole console, ClusteredScores clustered)
    {
        if (clustered.Auc is not { } auc)
        {
            console.Line($"Clustered by patient (Obuchowski 1997): undefined ({clustered.AucUndefined})");
            return;
        }
        var ci = auc.PlainInterval;
        console.Line($"Clustered by patient (Obuchowski 1997): SE {TextFormat.Number(auc.StandardError, "0.0000")}, {TextFormat.Level(ci.Level)} CI "
            + $"{TextFormat.Number(ci.Lower, "0.0000")}–{TextFormat.Number(ci.Upper, "0.0000")}, design effect {TextFormat.Number(auc.DesignEffect, "0.00")} "
            + $"over {TextFormat.Count(auc.Clusters)} patients (the DeLong interval above treats images as independent)");
    }

    public static void OperatingPoint(IAnsiConsole console, ClusteredScores clustered)
    {
        if (clustered.Sensitivity is null || clustered.Specificity is null) return;
        console.Line("Per-image intervals clustered by patient (ratio estimator, Wilson on the Rao–Scott effective size):");
        var table = TextConsole.Table("Metric", "Value", "Wilson (independent images)", "Clustered", "Design effect", "Patients");
        Row(table, "sensitivity", clustered.Sensitivity);
        Row(table, "specificity", clustered.Specificity);
        console.Write(table);
        foreach (var caveat in new[] { clustered.Sensitivity.Caveat, clustered.Specificity.Caveat }.OfType<string>()) console.Line($"Note: {caveat}");
    }

    private static void Row(Table table, string metric, ClusteredProportionResult result) =>
        table.AddTextRow(TextFormat.Label(metric), TextFormat.Value(metric, result.Proportion), TextFormat.Interval(metric, result.NaiveInterval),
            TextFormat.Interval(metric, result.Proportion), double.IsNaN(result.DesignEffect) ? "undefined" : TextFormat.Number(result.DesignEffect, "0.00"),
            TextFormat.Count(result.Clusters));
}
