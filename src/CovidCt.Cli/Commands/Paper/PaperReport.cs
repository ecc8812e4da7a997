using CovidCt.Metrics;

namespace CovidCt.Cli.Commands;

/// <summary>One solver search behind a published table: the constraint used and what was found.</summary>
internal sealed record PaperSearch(string Constraint, long? Total, long? Positives, long? Negatives, SolverResult Result);

/// <summary>A published table with the counts recovered for it and the metrics recomputed from them.</summary>
internal sealed record PaperTable(PublishedTable Published, IReadOnlyList<PaperSearch> Searches, SolverFit Used, bool UsedIsExact, DiagnosticMetrics Recomputed);

/// <summary>
/// What <c>covidct paper</c> reports: each table of Chen et al. 2020 solved for its counts (by class sizes
/// per patient; by the total, then by class sizes, per image), recomputed with intervals, and the findings in words.
/// </summary>
internal sealed record PaperReport(IReadOnlyList<PaperTable> Tables, IReadOnlyList<string> Findings)
{
    public static PaperReport Build(ProportionInterval method, double level)
    {
        var tables = ChenEtAl2020.Tables.Select(t => Solve(t, method, level)).ToArray();
        return new PaperReport(tables, StateFindings(tables, level));
    }

    private static PaperTable Solve(PublishedTable table, ProportionInterval method, double level)
    {
        var bySizes = new PaperSearch($"{table.Positives:N0} COVID-19 and {table.Negatives:N0} control {table.Unit}s", null, table.Positives, table.Negatives, table.SolveWithClassSizes());
        // Per image the class sizes of the images actually scored are in doubt, so the looser total-only search comes first.
        var searches = table.Unit == "image"
            ? new[] { new PaperSearch($"{table.Total:N0} {table.Unit}s in total", table.Total, null, null, table.SolveWithTotal()), bySizes }
            : [bySizes];
        var exact = searches.FirstOrDefault(s => s.Result.HasExactSolution);
        var used = exact is not null ? exact.Result.ExactSolutions[0] : searches[0].Result.ClosestFits[0];
        return new PaperTable(table, searches, used, exact is not null, DiagnosticMetrics.Compute(used.Counts, method, level));
    }

    private static string[] StateFindings(IReadOnlyList<PaperTable> tables, double level)
    {
        var findings = new List<string>();
        foreach (var t in tables)
        {
            var c = t.Used.Counts;
            var counts = $"TP {c.TruePositives:N0}, FN {c.FalseNegatives:N0}, TN {c.TrueNegatives:N0}, FP {c.FalsePositives:N0}";
            if (t.UsedIsExact)
            {
                var solutions = t.Searches.First(s => s.Result.HasExactSolution).Result.ExactSolutions.Count;
                findings.Add($"{t.Published.Title}: {(solutions == 1 ? "the only counts" : $"one of {solutions} tables")} reproducing all five figures: {counts}.");
                continue;
            }
            var sizes = t.Searches[^1];
            var worst = t.Used.Checks.MaxBy(k => k.Deviation)!;
            findings.Add($"{t.Published.Title}: no confusion table of the {t.Published.Total:N0} test images reproduces all five published percentages. "
                + $"The closest, {counts}, is off by {worst.Deviation:0.000} percentage points ({worst.Name} {worst.Recomputed:0.000}% against {worst.Published}%)"
                + (sizes.Result.HasExactSolution
                    ? $"; with the published class sizes ({sizes.Constraint}) {sizes.Result.ExactSolutions.Count} table(s) do match."
                    : $", and with the published class sizes ({sizes.Constraint}) the best fit is off by {sizes.Result.ClosestFits[0].LargestDeviation:0.000} points. "
                      + "So the per-image figures were not computed over all test images: their denominator is unknown, and the per-image results cannot be reproduced as published."));
        }
        var sensitivity = tables[0].Recomputed.Sensitivity.Interval!;
        findings.Add($"None of the published figures has a confidence interval. With {tables[0].Published.Positives} COVID-19 patients, the published 100% per-patient sensitivity "
            + $"has a {level * 100:0.##}% interval of {100 * sensitivity.Lower:0.0}–{100 * sensitivity.Upper:0.0}% ({sensitivity.Method}).");
        return findings.ToArray();
    }
}
