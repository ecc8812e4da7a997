using CovidCt.Cli.Output;
using CovidCt.Reporting.Comparisons;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>
/// The lesion-level part of <c>covidct compare</c>'s text: for each pair, both weighted AFROC figures of merit and A − B with the
/// paired jackknife's interval and p (<see cref="LesionComparisonText"/>, the words of notebook 03), each caveat under its pair;
/// an undefined comparison gives its reason, and an absent one (no truth mask marks a lesion) says why.
/// </summary>
internal static class CompareLesionConsole
{
    public static void Write(IAnsiConsole console, IReadOnlyList<PairedLesionTest> tests)
    {
        console.Line();
        console.Line($"{LesionComparisonText.Heading}:");
        foreach (var test in tests)
        {
            console.Line($"  {test.ModelA} vs {test.ModelB}: {LesionComparisonText.Describe(test)}");
            foreach (var caveat in LesionComparisonText.Caveats(test)) console.Line($"Caveat, {test.ModelA} vs {test.ModelB}, wAFROC difference: {caveat}");
        }
    }
}
