using System.Globalization;
using CovidCt.Interactive.Html;
using CovidCt.Metrics;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Interactive.Formatting;

/// <summary>
/// HTML for rows of a post-processing sweep (<c>sweep.Rows</c>, or any filter of them): one line per setting with its per-patient
/// and per-image sensitivity and specificity and their counts, instead of .NET Interactive's nested dump of each record.
/// </summary>
public static class SweepRowsHtml
{
    /// <summary>Rows shown before the table says how many more there are (a default grid has 660).</summary>
    public const int MaximumRows = 100;

    private static readonly MetricDisplay Sensitivity = MetricDisplay.For("sensitivity");
    private static readonly MetricDisplay Specificity = MetricDisplay.For("specificity");

    /// <summary>The first <see cref="MaximumRows"/> rows in the order given, then a sentence counting the rest; the study's setting is marked.</summary>
    public static string Rows(IEnumerable<SweepRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var all = rows.ToList();
        var table = Markup.Table(null,
            ["Threshold", "More than N pixels", "k", "Quadrant rule", "Assignment", "Patient sensitivity", "Patient specificity", "Image sensitivity", "Image specificity"],
            all.Take(MaximumRows).Select(Row));
        var summary = all.Count > MaximumRows
            ? $"{all.Count} settings; the first {MaximumRows} are shown, filter the rows to see others."
            : $"{all.Count} setting(s).";
        return Markup.Block(Markup.Paragraph(summary), table);
    }

    private static IReadOnlyList<Cell> Row(SweepRow row)
    {
        var s = row.Setting;
        return
        [
            Cell.Numeric(Markup.Number(s.Threshold, 2) + (s.IsStudyDefault ? " (study)" : "")),
            Cell.Numeric(s.MinPixels.ToString(CultureInfo.InvariantCulture)),
            Cell.Numeric(s.ConsecutiveSlices.ToString(CultureInfo.InvariantCulture)),
            s.SameQuadrant ? "same quadrant" : "any quadrant",
            Markup.Encode(s.Assignment.ToString()),
            Metric(Sensitivity, row.Patient.Sensitivity), Metric(Specificity, row.Patient.Specificity),
            Metric(Sensitivity, row.Image.Sensitivity), Metric(Specificity, row.Image.Specificity),
        ];
    }

    private static Cell Metric(MetricDisplay display, Estimate estimate) =>
        Cell.Numeric(estimate.IsDefined ? $"{display.Value(estimate)} ({display.Count(estimate)})" : display.Value(estimate));
}
