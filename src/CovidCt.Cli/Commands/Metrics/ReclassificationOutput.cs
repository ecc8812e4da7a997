using CovidCt.Cli.Output;
using CovidCt.Metrics;
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
        var events = labels.Count(l => l);
        if (events < 2 || labels.Length - events < 2)
        {
            return new(null, $"needs at least two diseased and two non-diseased cases; got {events} and {labels.Length - events}", null);
        }
        var idiUndefined = a.Concat(b).All(s => s is >= 0 and <= 1) ? null : "the scores are not all probabilities in [0, 1], and the IDI compares mean probabilities";
        return new(Reclassification.Compute(a, b, labels, threshold, level), null, idiUndefined);
    }

    public void Text(IAnsiConsole console)
    {
        if (Result is not { } r)
        {
            console.Line($"Reclassification of B over A (Pencina 2008): undefined ({Undefined})");
            return;
        }
        console.Line($"Net reclassification B over A (Pencina 2008): NRI {Signed(r.Nri)} ({TextFormat.Level(r.NriInterval.Level)} CI {TextFormat.SignedInterval(r.NriInterval)}), "
            + $"p {TextFormat.Number(r.NriPValue, "0.0000")}; diseased {Signed(r.EventNri)}, non-diseased {Signed(r.NonEventNri)}");
        console.Line(IdiUndefined is null
            ? $"Integrated discrimination improvement: IDI {Signed(r.Idi)} ({TextFormat.Level(r.IdiInterval.Level)} CI {TextFormat.SignedInterval(r.IdiInterval)}), p {TextFormat.Number(r.IdiPValue, "0.0000")}"
            : $"Integrated discrimination improvement: undefined ({IdiUndefined})");
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

    private static string Signed(double value) => TextFormat.Number(value, "+0.0000;-0.0000;0.0000");
}
