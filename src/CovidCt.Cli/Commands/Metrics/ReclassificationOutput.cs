using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Conventions;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>
/// Net reclassification and integrated discrimination improvement of detector B over A in <c>metrics compare</c> (Pencina et al.
/// 2008; <see cref="Reclassification"/>), at the comparison's decision threshold. The NRI needs only the two decisions; the IDI
/// compares mean scores, so it is reported only when every score is a probability in [0, 1], and says why not otherwise.
/// </summary>
internal sealed record ReclassificationOutput(ReclassificationResult? Result, string? Undefined, string? IdiUndefined)
{
    public static ReclassificationOutput Compute(double[] a, double[] b, bool[] labels, double threshold, double level)
    {
        if (ReclassificationText.WhyUndefined(labels) is { } undefined) return new(null, undefined, null);
        var idiUndefined = ReclassificationText.WhyIdiUndefined(a.Concat(b));
        return new(Reclassification.Compute(a, b, labels, threshold, level), null, idiUndefined);
    }

    public void Text(IAnsiConsole console)
    {
        if (Result is not { } r)
        {
            console.Line($"Reclassification of B over A (Pencina 2008): undefined ({Undefined})");
            return;
        }
        console.Line($"Net reclassification B over A (Pencina 2008): {ReclassificationText.Nri(NetReclassification.Of(r))}");
        console.Line($"Integrated discrimination improvement: {ReclassificationText.Idi(IdiUndefined is null ? DiscriminationImprovement.Of(r) : null, IdiUndefined)}");
    }

    public void Json(JsonOutput j)
    {
        var w = j.Writer;
        w.WriteStartObject("reclassification");
        if (Result is not { } r)
        {
            w.WriteNull("nri");
            w.WriteNull("idi");
            w.WriteString("undefined", Undefined);
            w.WriteEndObject();
            return;
        }
        j.Number("threshold", r.Threshold);
        w.WriteStartObject("nri");
        j.Number("value", r.Nri);
        j.Interval("ci", r.NriInterval);
        j.Number("p_value", r.NriPValue);
        j.Number("diseased", r.EventNri);
        j.Number("non_diseased", r.NonEventNri);
        w.WriteEndObject();
        w.WriteStartObject("idi");
        if (IdiUndefined is null)
        {
            j.Number("value", r.Idi);
            j.Interval("ci", r.IdiInterval);
            j.Number("p_value", r.IdiPValue);
            w.WriteNull("undefined");
        }
        else w.WriteString("undefined", IdiUndefined);
        w.WriteEndObject();
        w.WriteNull("undefined");
        w.WriteEndObject();
    }
}
