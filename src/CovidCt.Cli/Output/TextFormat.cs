using System.Globalization;
using CovidCt.Metrics;

namespace CovidCt.Cli.Output;

/// <summary>How numbers and estimates read in text output: proportions in percent with 2 decimals, ratios with 3 significant decimals.</summary>
internal static class TextFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Percent(double? value) => value is { } v ? (100 * v).ToString("0.00", Invariant) + "%" : "undefined";

    /// <summary>"95%" for 0.95.</summary>
    public static string Level(double level) => (100 * level).ToString("0.##", Invariant) + "%";

    public static string Number(double value, string format = "0.000") => value.ToString(format, Invariant);

    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>"93.55%" for proportions, "15.500" for ratios and Youden's J; "undefined" when undefined.</summary>
    public static string Value(string metric, Estimate estimate) => estimate.Value is not { } v
        ? "undefined"
        : IsProportion(metric) ? Percent(v) : Number(v);

    /// <summary>"29/31" for counts; empty for composites without a count ratio.</summary>
    public static string Fraction(string metric, Estimate estimate) =>
        metric is "sensitivity" or "specificity" or "ppv" or "npv" or "accuracy" or "prevalence" or "f1"
            ? $"{Count((long)estimate.Numerator)}/{Count((long)estimate.Denominator)}"
            : "";

    /// <summary>"−0.183 to −0.016": signed bounds read badly with a dash between them.</summary>
    public static string SignedInterval(ConfidenceInterval interval, string format = "0.0000") =>
        $"{Number(interval.Lower, format)} to {Number(interval.Upper, format)}";

    /// <summary>"79.28–98.21%" or "3.95–60.8"; the undefined reason when undefined; "—" without an interval.</summary>
    public static string Interval(string metric, Estimate estimate) => estimate.Value is null
        ? estimate.UndefinedReason ?? "undefined"
        : Interval(metric, estimate.Interval);

    public static string Interval(string metric, ConfidenceInterval? interval) => interval is null
        ? "—"
        : IsProportion(metric) ? $"{Percent(interval.Lower)[..^1]}–{Percent(interval.Upper)}" : $"{Number(interval.Lower)}–{Number(interval.Upper)}";

    private static bool IsProportion(string metric) => metric is not ("lr_positive" or "lr_negative" or "youden_j" or "auc");

    /// <summary>Readable metric name for tables.</summary>
    public static string Label(string metric) => metric switch
    {
        "sensitivity" => "Sensitivity",
        "specificity" => "Specificity",
        "ppv" => "PPV",
        "npv" => "NPV",
        "accuracy" => "Accuracy",
        "balanced_accuracy" => "Balanced accuracy",
        "f1" => "F1",
        "youden_j" => "Youden's J",
        "lr_positive" => "LR+",
        "lr_negative" => "LR−",
        "prevalence" => "Prevalence",
        _ => metric,
    };
}
