namespace CovidCt.Metrics;

/// <summary>
/// How one metric key of <see cref="DiagnosticMetrics.All"/> (or <c>auc</c>) reads to a person: its label, whether it is a
/// proportion (shown in percent) and whether its numerator/denominator count is worth showing. It sits beside
/// <see cref="DiagnosticMetrics"/> because that class defines the keys: a new metric gets its label in the same place.
/// </summary>
/// <param name="Key">The key, e.g. <c>sensitivity</c>.</param>
/// <param name="Label">The label in tables, e.g. <c>Sensitivity</c>, <c>PPV</c>, <c>LR+</c>.</param>
/// <param name="IsProportion">True for proportions (printed as percentages); false for ratios, Youden's J and the AUC.</param>
/// <param name="ShowsCount">True when "numerator/denominator" is a count a reader can check (not for composites).</param>
public sealed record MetricInfo(string Key, string Label, bool IsProportion, bool ShowsCount)
{
    /// <summary>Every known metric, in the order of <see cref="DiagnosticMetrics.All"/>, then the AUC.</summary>
    public static IReadOnlyList<MetricInfo> All { get; } =
    [
        new("sensitivity", "Sensitivity", true, true),
        new("specificity", "Specificity", true, true),
        new("ppv", "PPV", true, true),
        new("npv", "NPV", true, true),
        new("accuracy", "Accuracy", true, true),
        new("balanced_accuracy", "Balanced accuracy", true, false),
        new("f1", "F1", true, true),
        new("youden_j", "Youden's J", false, false),
        new("lr_positive", "LR+", false, false),
        new("lr_negative", "LR−", false, false),
        new("prevalence", "Prevalence", true, true),
        new("auc", "AUC", false, false),
    ];

    private static readonly Dictionary<string, MetricInfo> ByKey = All.ToDictionary(m => m.Key, StringComparer.Ordinal);

    /// <summary>The metric of <paramref name="key"/>; an unknown key reads as itself, as a plain number without count.</summary>
    public static MetricInfo For(string key) => ByKey.TryGetValue(key, out var info) ? info : new(key, key, false, false);
}
