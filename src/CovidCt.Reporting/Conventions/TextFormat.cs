using System.Globalization;
using CovidCt.Metrics;

namespace CovidCt.Reporting.Conventions;

/// <summary>
/// How numbers and estimates read in plain text (console, report.html): proportions in percent with 2 decimals, ratios with
/// 3 decimals; which metric is which comes from <see cref="MetricInfo"/>.
/// </summary>
public static class TextFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"93.55%" for 0.9355; "undefined" for null.</summary>
    public static string Percent(double? value) => value is { } v ? (100 * v).ToString("0.00", Invariant) + "%" : "undefined";

    /// <summary>"95%" for 0.95.</summary>
    public static string Level(double level) => (100 * level).ToString("0.##", Invariant) + "%";

    /// <summary><paramref name="value"/> in <paramref name="format"/>, invariant culture.</summary>
    public static string Number(double value, string format = "0.000") => value.ToString(format, Invariant);

    /// <summary>"1,234": a count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>"93.55%" for proportions, "15.500" for ratios and Youden's J; "undefined" when undefined.</summary>
    public static string Value(string metric, Estimate estimate) => estimate.Value is not { } v
        ? "undefined"
        : MetricInfo.For(metric).IsProportion ? Percent(v) : Number(v);

    /// <summary>"29/31" for counts; empty for composites without a count ratio.</summary>
    public static string Fraction(string metric, Estimate estimate) =>
        MetricInfo.For(metric).ShowsCount
            ? $"{Count((long)estimate.Numerator)}/{Count((long)estimate.Denominator)}"
            : "";

    /// <summary>"−0.183 to −0.016": signed bounds read badly with a dash between them.</summary>
    public static string SignedInterval(ConfidenceInterval interval, string format = "0.0000") =>
        $"{Number(interval.Lower, format)} to {Number(interval.Upper, format)}";

    /// <summary>"79.28–98.21%" or "3.95–60.8"; the undefined reason when undefined; "—" without an interval.</summary>
    public static string Interval(string metric, Estimate estimate) => estimate.Value is null
        ? estimate.UndefinedReason ?? "undefined"
        : Interval(metric, estimate.Interval);

    /// <summary>"79.28–98.21%" for a proportion, "3.950–60.800" for a ratio; "—" without an interval.</summary>
    public static string Interval(string metric, ConfidenceInterval? interval) => interval is null
        ? "—"
        : MetricInfo.For(metric).IsProportion ? $"{Percent(interval.Lower)[..^1]}–{Percent(interval.Upper)}" : $"{Number(interval.Lower)}–{Number(interval.Upper)}";

    /// <summary>Readable metric name for tables (<see cref="MetricInfo.Label"/>).</summary>
    public static string Label(string metric) => MetricInfo.For(metric).Label;
}
