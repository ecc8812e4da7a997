using CovidCt.Interactive.Html;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Formatting;

/// <summary>How one named metric of <see cref="DiagnosticMetrics.All"/> is labelled and printed.</summary>
internal sealed record MetricDisplay(string Label, bool IsPercent, bool ShowsCount)
{
    private static readonly Dictionary<string, MetricDisplay> ByName = new(StringComparer.Ordinal)
    {
        ["sensitivity"] = new("Sensitivity", true, true),
        ["specificity"] = new("Specificity", true, true),
        ["ppv"] = new("PPV", true, true),
        ["npv"] = new("NPV", true, true),
        ["accuracy"] = new("Accuracy", true, true),
        ["balanced_accuracy"] = new("Balanced accuracy", true, false),
        ["f1"] = new("F1", true, true),
        ["youden_j"] = new("Youden's J", false, false),
        ["lr_positive"] = new("LR+", false, false),
        ["lr_negative"] = new("LR−", false, false),
        ["prevalence"] = new("Prevalence", true, true),
    };

    /// <summary>The display of <paramref name="name"/>; an unknown name is shown as itself, as a plain number.</summary>
    public static MetricDisplay For(string name) => ByName.TryGetValue(name, out var display) ? display : new(name, false, false);

    public string Value(Estimate estimate) => estimate.Value is { } v
        ? IsPercent ? Markup.Percent(v) : Markup.Number(v)
        : Markup.Undefined(estimate.UndefinedReason);

    public string Count(Estimate estimate) =>
        ShowsCount ? $"{Markup.Count(estimate.Numerator)}/{Markup.Count(estimate.Denominator)}" : "";

    public string Interval(Estimate estimate) => Markup.Interval(estimate.Interval, IsPercent);

    /// <summary>One row: label, value, count, interval.</summary>
    public IReadOnlyList<Cell> Row(Estimate estimate) =>
        [Markup.Encode(Label), Cell.Numeric(Value(estimate)), Cell.Numeric(Count(estimate)), Cell.Numeric(Interval(estimate))];
}
