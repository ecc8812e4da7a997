using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>Text table of solver fits: counts, recomputed figures, largest deviation.</summary>
internal static class SolverTable
{
    public static Table Create(IReadOnlyList<SolverFit> fits)
    {
        var names = fits.Count == 0 ? [] : fits[0].Checks.Select(c => c.Name).ToArray();
        var table = TextConsole.Table(["TP", "FN", "TN", "FP", .. names.Select(TextFormat.Label), "Largest deviation"]);
        foreach (var fit in fits)
        {
            var c = fit.Counts;
            table.AddTextRow([
                TextFormat.Count(c.TruePositives), TextFormat.Count(c.FalseNegatives), TextFormat.Count(c.TrueNegatives), TextFormat.Count(c.FalsePositives),
                .. fit.Checks.Select(k => TextFormat.Number(k.Recomputed, "0.000") + (k.Matches ? "" : " *")),
                TextFormat.Number(fit.LargestDeviation, "0.0000"),
            ]);
        }
        if (fits.Any(f => !f.IsExact)) table.Caption("* does not round to the published figure");
        return table;
    }
}
