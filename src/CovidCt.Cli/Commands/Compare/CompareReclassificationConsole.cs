using CovidCt.Cli.Output;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Conventions;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>
/// The part of <c>covidct compare</c>'s text after the paired tests: net reclassification and integrated discrimination of B over
/// A for each pair and level, in the words of <c>metrics compare</c> (<see cref="ReclassificationText"/>), each with its caveats
/// (<see cref="ReclassificationCaveats"/>), and with
/// --partial-auc each model's partial AUC and the difference A − B (<see cref="PartialAucText"/>).
/// </summary>
internal static class CompareReclassificationConsole
{
    public static void Write(IAnsiConsole console, IReadOnlyList<PairedModelTest> tests)
    {
        console.Line();
        console.Line("Reclassification of B over A (Pencina 2008; positive favours B): the NRI of the decisions moves cases between the two models' "
            + "decisions, each at its own operating point; the continuous NRI (Pencina 2011) moves a case up when B scores it higher than A; "
            + "per image the intervals treat slices as independent, the clustered ones resample patients:");
        foreach (var test in tests)
        {
            var (r, where) = (test.Reclassification, $"{test.ModelA} vs {test.ModelB}, {Level(test.Level)}");
            if (r.Undefined is { } undefined)
            {
                console.Line($"  {where}: undefined ({undefined})");
                continue;
            }
            console.Line($"  {where}, decisions: {ReclassificationText.Nri(r.Categorical!)}");
            console.Line($"  {where}, continuous: {ReclassificationText.Nri(r.Continuous!)}");
            console.Line($"  {where}: {ReclassificationText.Idi(r.Idi, r.IdiUndefined)}");
            // Next to the rows they qualify: too few cases or patients, or a zero-width interval (ReclassificationCaveats states the rule).
            foreach (var caveat in r.Caveats) console.Line($"Caveat, {where} reclassification: {caveat}");
        }
        if (tests.FirstOrDefault()?.PartialAuc is not { } first) return;
        console.Line();
        console.Line($"Partial AUC ({PartialAucText.Range(first.MinimumSpecificity)}); A − B of the raw areas with a patient-bootstrap "
            + $"{TextFormat.Level(first.Difference.Interval?.Level ?? 0.95)} interval ({TextFormat.Count(first.Difference.Resamples)} resamples of whole patients):");
        foreach (var test in tests)
        {
            var p = test.PartialAuc!;
            var where = $"{test.ModelA} vs {test.ModelB}, {Level(test.Level)}";
            console.Line($"  {where}: {test.ModelA} {PartialAucText.Describe(p.A)}");
            console.Line($"  {where}: {test.ModelB} {PartialAucText.Describe(p.B)}");
            console.Line($"  {where}: A − B {Difference(p)}");
        }
        // A zero-width bootstrap interval looks precise; it says only that every resample gave the same difference.
        foreach (var test in tests.Where(t => t.PartialAuc!.Difference.Interval is { } ci && ci.Upper - ci.Lower == 0))
        {
            console.Line($"Caveat, {test.ModelA} vs {test.ModelB}, {Level(test.Level)} partial AUC difference: zero-width interval: every resample gives the same "
                + "difference (both models reach the same partial area in each, e.g. both separate the classes completely), so the interval carries no information");
        }
    }

    private static string Level(ComparisonLevel level) => level == ComparisonLevel.Patient ? "per patient" : "per image";

    private static string Difference(PairedPartialAuc p)
    {
        if (p.Difference.Value is not { } d) return "undefined: a model's partial AUC is undefined";
        var interval = p.Difference.Interval is { } ci ? TextFormat.SignedInterval(ci) : "no interval: no resample had cases of both classes";
        var undefined = p.Difference.UndefinedResamples > 0 ? $", {TextFormat.Count(p.Difference.UndefinedResamples)} resamples without both classes left out" : "";
        return $"{Signed(d)} ({interval}{undefined}); McClish standardised {Signed(p.McClishDifference!.Value)}";
    }

    private static string Signed(double value) => TextFormat.Number(value, "+0.0000;-0.0000;0.0000");
}
