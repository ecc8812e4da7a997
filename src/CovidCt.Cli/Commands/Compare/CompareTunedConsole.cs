using CovidCt.Cli.Output;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Conventions;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>
/// The part of <c>compare --tune-on</c>'s text that says where each model's operating point came from: the split and rule it was
/// chosen by, each model's setting with its Youden's J on the tuning split (optimistic there), and the files it was written to.
/// </summary>
internal static class CompareTunedConsole
{
    public static void Write(IAnsiConsole console, IReadOnlyList<TunedModel> tuned, CohortSplit? reportedOn)
    {
        var on = CohortSplitNames.NameOrAll(tuned[0].Tuned.TunedOn);
        console.Line();
        console.Line($"Operating points, each model its own, chosen on {on} by the rule of 'covidct sweep --tune-on' (highest per-patient Youden's J; ties: per-image J, "
            + $"then closest to the study's); everything below is on {CohortSplitNames.NameOrAll(reportedOn)}, each model at its own point:");
        var table = TextConsole.Table("Model", "threshold", "min pixels", "k", "quadrants", "assignment", $"J on {on}: patient / image", "pipeline.json");
        foreach (var model in tuned)
        {
            var chosen = model.Tuned.Chosen;
            var s = SweepConsole.Describe(chosen.Setting);
            table.AddTextRow(model.Name, s[0], s[1], s[2], s[3], s[4], $"{J(chosen.Patient)} / {J(chosen.Image)}", model.PipelineFile ?? "not written");
        }
        console.Write(table);
    }

    private static string J(DiagnosticMetrics metrics) => metrics.YoudenJ.Value is { } j ? TextFormat.Number(j) : $"undefined ({metrics.YoudenJ.UndefinedReason})";
}
