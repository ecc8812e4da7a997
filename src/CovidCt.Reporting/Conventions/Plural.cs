using System.Globalization;

namespace CovidCt.Reporting.Conventions;

/// <summary>
/// Counts in words, one rule for every text the console, metrics.json and report.html print: "1 image", "2 images",
/// "0 images". Fixed plurals ("1 images") and hedged ones ("image(s)") read as slips in a researcher's output.
/// </summary>
public static class Plural
{
    /// <summary>"1 image", "50 images": <paramref name="count"/> in plain digits and the noun it takes.</summary>
    /// <param name="count">How many.</param>
    /// <param name="singular">The noun for one, e.g. "image", "poor fit".</param>
    /// <param name="plural">The noun for any other count when it is not <paramref name="singular"/> + "s" (e.g. "series", "boxes").</param>
    public static string Count(long count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + Noun(count, singular, plural);

    /// <summary>The noun <paramref name="count"/> takes: <paramref name="singular"/> for exactly one, else <paramref name="plural"/> (<paramref name="singular"/> + "s" when not given).</summary>
    public static string Noun(long count, string singular, string? plural = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(singular);
        return count == 1 ? singular : plural ?? singular + "s";
    }
}
