using CovidCt.Interactive.Formatting;
using CovidCt.Metrics;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Sweeps;
using Microsoft.DotNet.Interactive.Formatting;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class SweepRowsHtmlTests
{
    // Patients: TP 5, FP 1, TN 5, FN 1; images: TP 60, FP 0, TN 0, FN 20 (specificity undefined: no control slice).
    private static SweepRow Row(double threshold) => new(new SweepSetting(threshold, 25, 3, true, QuadrantAssignment.Centroid),
        DiagnosticMetrics.Compute(new ConfusionCounts(60, 0, 0, 20)), DiagnosticMetrics.Compute(new ConfusionCounts(5, 1, 5, 1)));

    [Fact]
    public void One_line_per_setting_with_rates_and_counts_and_the_study_marked()
    {
        var html = SweepRowsHtml.Rows([Row(0.5), Row(0.6)]);

        Assert.Contains("2 setting(s).", html);
        Assert.Contains("<td class=\"n\">0.50 (study)</td><td class=\"n\">25</td><td class=\"n\">3</td><td>same quadrant</td><td>Centroid</td>", html);
        Assert.Contains("<td class=\"n\">83.33% (5/6)</td>", html);
        Assert.Contains("<td class=\"n\">0.60</td>", html);
        Assert.Contains("undefined: no non-diseased cases (TN + FP = 0)", html);
    }

    [Fact]
    public void A_long_list_shows_the_first_rows_and_counts_the_rest()
    {
        var html = SweepRowsHtml.Rows(Enumerable.Range(0, SweepRowsHtml.MaximumRows + 5).Select(i => Row(i / 1000.0)));

        Assert.Contains($"{SweepRowsHtml.MaximumRows + 5} settings; the first {SweepRowsHtml.MaximumRows} are shown", html);
        Assert.Equal(SweepRowsHtml.MaximumRows, html.Split("<tr>").Length - 2);
    }

    [Fact]
    public void A_list_of_rows_displays_as_the_table()
    {
        CovidCtFormatters.Register();

        IReadOnlyList<SweepRow> rows = new List<SweepRow> { Row(0.5) };
        Assert.Contains("1 setting(s).", rows.ToDisplayString(CovidCtFormatters.MimeType));
    }
}
