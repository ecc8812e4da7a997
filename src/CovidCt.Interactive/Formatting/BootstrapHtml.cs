using System.Globalization;
using CovidCt.Interactive.Html;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Formatting;

/// <summary>
/// HTML for a patient-cluster bootstrap: the value, its percentile interval, how many resamples were drawn and how many left
/// the metric undefined (excluded from the interval, so shown rather than hidden), and the seed that reproduces it.
/// </summary>
public static class BootstrapHtml
{
    /// <summary>One row; a zero-width interval or undefined resamples add a sentence saying what they mean.</summary>
    public static string Result(BootstrapResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var interval = result.Interval is { } i
            ? $"{(i.Level * 100).ToString("0.##", CultureInfo.InvariantCulture)}% interval ({i.Method})"
            : "interval";
        var table = Markup.Table(null, ["Value", interval, "Resamples", "Undefined resamples", "Seed"],
        [[
            Cell.Numeric(result.Value is { } v ? Markup.Number(v) : Markup.Undefined("undefined on the original data")),
            Cell.Numeric(result.Interval is null ? Markup.Undefined("undefined in every resample") : Markup.Interval(result.Interval, asPercent: false)),
            Cell.Numeric(Markup.Count(result.Resamples)), Cell.Numeric(Markup.Count(result.UndefinedResamples)),
            Cell.Numeric(result.Seed.ToString(CultureInfo.InvariantCulture)),
        ]]);
        var notes = new List<string>();
        // A zero-width interval from a handful of patients reads as certainty; it only means every resample agreed.
        if (result.Interval is { } z && z.Lower == z.Upper) notes.Add(Markup.Paragraph("Zero-width interval: every resample gave the same value, which with few patients says nothing about precision."));
        if (result.UndefinedResamples > 0) notes.Add(Markup.Paragraph($"{Markup.Count(result.UndefinedResamples)} of {Markup.Count(result.Resamples)} resamples left the metric undefined and are not in the interval."));
        return Markup.Block([table, .. notes]);
    }
}
