using System.Globalization;
using CovidCt.Metrics;

namespace CovidCt.Reporting.Html;

/// <summary>The five metrics the study published, in its order, and the published value of each for the "Chen et al. 2020" column.</summary>
public static class StudyColumns
{
    /// <summary>sensitivity, specificity, accuracy, ppv, npv: the study's tables' rows.</summary>
    public static IReadOnlyList<string> Metrics { get; } = ["sensitivity", "specificity", "accuracy", "ppv", "npv"];

    /// <summary>"93.55%", or "—" when the table does not give the metric.</summary>
    public static string Published(PublishedTable table, string metric) =>
        table.Figures.Given.FirstOrDefault(f => f.Key == metric) is { Key: not null } given
            ? string.Create(CultureInfo.InvariantCulture, $"{given.Value:0.00}%")
            : "—";
}
