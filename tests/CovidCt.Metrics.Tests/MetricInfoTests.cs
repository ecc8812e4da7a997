namespace CovidCt.Metrics.Tests;

public sealed class MetricInfoTests
{
    [Fact]
    public void Every_metric_the_tables_compute_has_a_label_in_the_registry()
    {
        var metrics = DiagnosticMetrics.Compute(new ConfusionCounts(5, 1, 6, 2));

        Assert.Equal(metrics.All.Select(m => m.Key).Append("auc"), MetricInfo.All.Select(m => m.Key));
        Assert.All(MetricInfo.All, m => Assert.NotEqual(m.Key, m.Label));
    }

    [Fact]
    public void Proportions_show_their_count_composites_and_ratios_do_not()
    {
        Assert.Equal(("Sensitivity", true, true), Parts("sensitivity"));
        Assert.Equal(("Balanced accuracy", true, false), Parts("balanced_accuracy"));
        Assert.Equal(("LR+", false, false), Parts("lr_positive"));
        Assert.Equal(("something_new", false, false), Parts("something_new"));

        static (string, bool, bool) Parts(string key) => MetricInfo.For(key) is var m ? (m.Label, m.IsProportion, m.ShowsCount) : default;
    }
}
