using System.Text.Json;
using CovidCt.Cli.Output;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Files;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>
/// Net reclassification and integrated discrimination improvement of detector B over A in <c>metrics compare</c>, computed and
/// written as <c>covidct compare</c> computes and writes them (<see cref="PairedReclassification"/>, <see cref="ReclassificationDocument"/>):
/// the NRI of the decisions at the comparison's threshold, the continuous NRI of the scores, and the IDI, which compares mean
/// scores and so is reported only when every score is a probability in [0, 1]; with a patient column each also gets a
/// patient-bootstrap interval.
/// </summary>
internal sealed record ReclassificationOutput(PairedReclassification Result, double Threshold)
{
    /// <summary>B over A on the cases of <paramref name="labels"/>, decisions by score ≥ <paramref name="threshold"/>; clustered when <paramref name="patients"/> is given.</summary>
    public static ReclassificationOutput Compute(double[] a, double[] b, bool[] labels, bool[] decisionsA, bool[] decisionsB, string[]? patients, double threshold, double level) =>
        new(PairedReclassification.Of(new ComparedCases(labels, decisionsA, a), new ComparedCases(labels, decisionsB, b), patients, level), threshold);

    public void Text(IAnsiConsole console)
    {
        var r = Result;
        if (r.Undefined is { } undefined)
        {
            console.Line($"Reclassification of B over A (Pencina 2008): undefined ({undefined})");
            return;
        }
        console.Line($"Net reclassification B over A (Pencina 2008): {ReclassificationText.Nri(r.Categorical!)}");
        console.Line($"Continuous NRI B over A (Pencina 2011; up: B scores the case higher): {ReclassificationText.Nri(r.Continuous!)}");
        console.Line($"Integrated discrimination improvement: {ReclassificationText.Idi(r.Idi, r.IdiUndefined)}");
        foreach (var caveat in r.Caveats) console.Line($"Caveat, reclassification: {caveat}");
    }

    // The one document of a reclassification, as compare --json writes it, with the threshold both detectors decided at.
    public void Json(JsonOutput j)
    {
        j.Writer.WritePropertyName("reclassification");
        JsonSerializer.Serialize(j.Writer, ReclassificationDocument.Of(Result) with { Threshold = Threshold }, OutputJson.Options);
    }
}
