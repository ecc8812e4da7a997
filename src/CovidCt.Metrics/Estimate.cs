namespace CovidCt.Metrics;

/// <summary>
/// A metric computed as a ratio, kept with its numerator and denominator so readers can check it.
/// Either <see cref="Value"/> is set, or <see cref="UndefinedReason"/> says why it cannot be
/// computed (typically a zero denominator): an undefined metric is never reported as 0 or dropped.
/// </summary>
public sealed record Estimate
{
    private Estimate(double numerator, double denominator, double? value, string? undefinedReason, ConfidenceInterval? interval)
    {
        Numerator = numerator;
        Denominator = denominator;
        Value = value;
        UndefinedReason = undefinedReason;
        Interval = interval;
    }

    /// <summary>The numerator (a count for proportions; for ratios of proportions, the upper proportion).</summary>
    public double Numerator { get; }

    /// <summary>The denominator (a count for proportions; for ratios of proportions, the lower proportion).</summary>
    public double Denominator { get; }

    /// <summary>The value, or null when undefined.</summary>
    public double? Value { get; }

    /// <summary>Why the value is undefined, or null when it is defined.</summary>
    public string? UndefinedReason { get; }

    /// <summary>The confidence interval, or null when the value is undefined or the metric has no interval method here.</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>True when <see cref="Value"/> is set.</summary>
    public bool IsDefined => Value is not null;

    /// <summary>A defined estimate.</summary>
    public static Estimate Defined(double numerator, double denominator, double value, ConfidenceInterval? interval = null) =>
        new(numerator, denominator, value, null, interval);

    /// <summary>An undefined estimate with the reason, for example "no diseased cases (TP + FN = 0)".</summary>
    public static Estimate Undefined(double numerator, double denominator, string reason) =>
        new(numerator, denominator, null, reason, null);

    /// <summary>Numerator / denominator; undefined with <paramref name="reasonWhenZero"/> when the denominator is 0.</summary>
    public static Estimate Ratio(double numerator, double denominator, string reasonWhenZero, ConfidenceInterval? interval = null) =>
        denominator == 0 ? Undefined(numerator, denominator, reasonWhenZero) : Defined(numerator, denominator, numerator / denominator, interval);

    /// <inheritdoc />
    public override string ToString() => Value is { } v
        ? Interval is { } ci ? $"{v:0.####} ({Numerator:0.####}/{Denominator:0.####}; {ci.Level * 100:0.##}% CI {ci.Lower:0.####}–{ci.Upper:0.####})" : $"{v:0.####} ({Numerator:0.####}/{Denominator:0.####})"
        : $"undefined ({UndefinedReason})";
}
