using CovidCt.Interactive.Formatting;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class MetricsHtmlTests
{
    [Fact]
    public void The_study_per_patient_table_shows_values_counts_and_wilson_intervals()
    {
        var html = MetricsHtml.Metrics(DiagnosticMetrics.Compute(new ConfusionCounts(11, 2, 29, 0)));

        Assert.Contains("TP 11, FN 0, TN 29, FP 2 (42 cases)", html);
        Assert.Contains("95% CI (wilson; LR: log method)", html);
        // Same figures as `covidct paper` prints for this table.
        Assert.Contains("<td>Sensitivity</td><td class=\"n\">100.00%</td><td class=\"n\">11/11</td><td class=\"n\">74.12–100.00%</td>", html);
        Assert.Contains("<td>Specificity</td><td class=\"n\">93.55%</td><td class=\"n\">29/31</td><td class=\"n\">79.28–98.21%</td>", html);
        Assert.Contains("<td>LR+</td><td class=\"n\">15.500</td><td class=\"n\"></td><td class=\"n\">4.057–59.222</td>", html);
    }

    [Fact]
    public void An_undefined_metric_shows_its_reason_and_never_a_zero()
    {
        var html = MetricsHtml.Metrics(DiagnosticMetrics.Compute(new ConfusionCounts(0, 1, 5, 0)));

        Assert.Contains("<td>Sensitivity</td><td class=\"n\"><span class=\"undefined\">undefined: no diseased cases (TP + FN = 0)</span></td><td class=\"n\">0/0</td><td class=\"n\">—</td>", html);
        Assert.DoesNotContain("<td>Sensitivity</td><td class=\"n\">0.00%", html);
    }

    [Fact]
    public void An_estimate_shows_value_count_and_interval_on_one_line()
    {
        var html = MetricsHtml.Estimate(DiagnosticMetrics.Compute(new ConfusionCounts(11, 2, 29, 0)).Specificity);

        Assert.Contains("0.9355 (29/31), 95% CI 0.7928–0.9821 (wilson)", html);
    }

    [Fact]
    public void Reasons_are_html_encoded()
    {
        var html = MetricsHtml.Estimate(Estimate.Undefined(0, 0, "n < 1 & <script>"));

        Assert.Contains("undefined: n &lt; 1 &amp; &lt;script&gt;", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public void The_confusion_table_has_row_and_column_totals()
    {
        var html = MetricsHtml.Counts(new ConfusionCounts(835, 110, 12756, 50));

        Assert.Contains("13,751 cases", html);
        Assert.Contains("<td>Called positive</td><td class=\"n\">TP 835</td><td class=\"n\">FP 110</td><td class=\"n\">945</td>", html);
        Assert.Contains("<td>Total</td><td class=\"n\">885</td><td class=\"n\">12,866</td><td class=\"n\">13,751</td>", html);
    }
}
