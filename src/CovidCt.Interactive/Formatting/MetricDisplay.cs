using CovidCt.Interactive.Html;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Formatting;

/// <summary>How one named metric of <see cref="DiagnosticMetrics.All"/> is printed in HTML; what it is called and whether it is a
/// percentage comes from the one registry, <see cref="MetricInfo"/>.</summary>
internal sealed record MetricDisplay(string Label, bool IsPercent, bool ShowsCount)
{
    /// <summary>The display of <paramref name="name"/>; an unknown name is shown as itself, as a plain number.</summary>
    public static MetricDisplay For(string name)
    {
        var info = MetricInfo.For(name);
        return new(info.Label, info.IsProportion, info.ShowsCount);
    }

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
