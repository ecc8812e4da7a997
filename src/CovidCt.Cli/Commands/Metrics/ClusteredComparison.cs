using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Clustering;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Conventions;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>
/// What <c>metrics compare</c> adds with a patient column: Obuchowski's clustered paired AUC comparison and Durkalski's
/// clustered McNemar test with the clustered difference in sensitivity and in specificity, computed by the same
/// <see cref="ClusteredPairedTest"/> that <c>compare</c>'s per-image table uses.
/// </summary>
internal sealed record ClusteredComparison(ClusteredPairedTest Test)
{
    public int Patients => Test.Patients;
    private PairedDeLongResult? Auc => Test.Auc;
    private string? AucUndefined => Test.AucUndefined;
    private ClusteredPairedComparison Decisions => Test.Decisions;

    public static ClusteredComparison Compute(double[] a, double[] b, bool[] labels, string[] patients, bool[] decisionsA, bool[] decisionsB, double level) =>
        new(ClusteredPairedTest.Of(new ComparedCases(labels, decisionsA, a), new ComparedCases(labels, decisionsB, b), patients, level));

    public void Text(IAnsiConsole console)
    {
        console.Line($"{TextFormat.Count(Patients)} patients: clustered by patient below (Obuchowski 1997 for the AUCs, Durkalski et al. 2003 for the decisions); the tests above treat images as independent.");
        console.Line(Auc is null
            ? $"Clustered AUC comparison: undefined ({AucUndefined})"
            : $"Clustered AUC comparison: difference {TextFormat.Number(Auc.Difference, "0.0000")} ({TextFormat.Level(Auc.DifferenceInterval.Level)} CI {TextFormat.SignedInterval(Auc.DifferenceInterval)}), "
              + $"z {TextFormat.Number(Auc.Z, "0.000")}, p {TextFormat.Number(Auc.PValue, "0.0000")}");
        var table = TextConsole.Table("", "Difference A − B", "Clustered CI", "Only A right", "Only B right", "Clustered χ²", "p");
        Row(table, "Sensitivity", Decisions.Sensitivity);
        Row(table, "Specificity", Decisions.Specificity);
        console.Write(table);
    }

    public void Json(JsonOutput j)
    {
        var w = j.Writer;
        w.WriteStartObject("clustered");
        w.WriteNumber("patients", Patients);
        j.PairedDeLong("auc", Auc, AucUndefined);
        ClusteredJson.McNemar(j, "sensitivity", Decisions.Sensitivity);
        ClusteredJson.McNemar(j, "specificity", Decisions.Specificity);
        w.WriteEndObject();
    }

    private static void Row(Table table, string label, ClusteredMcNemarResult result) =>
        table.AddTextRow(label, result.Difference.Value is { } d ? TextFormat.Number(d, "+0.0000;-0.0000;0.0000") : $"undefined ({result.Difference.UndefinedReason})",
            result.Difference.Interval is { } ci ? TextFormat.SignedInterval(ci) : "—",
            TextFormat.Count(result.OnlyACorrect), TextFormat.Count(result.OnlyBCorrect), TextFormat.Number(result.ChiSquare, "0.000"), TextFormat.Number(result.PValue, "0.0000"));
}
