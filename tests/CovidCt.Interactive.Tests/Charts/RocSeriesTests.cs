using CovidCt.Interactive.Charts;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Tests.Charts;

public sealed class RocSeriesTests
{
    [Fact]
    public void The_series_runs_from_the_origin_to_the_top_right_corner()
    {
        var series = RocSeries.From(Roc.FromScores(labels: [false, false, true, true], scores: [0.1, 0.4, 0.35, 0.8]), "unetpp-v1");

        Assert.Equal("unetpp-v1 (AUC 0.750)", series.Name);
        Assert.Equal([0.0, 0.0, 0.5, 0.5, 1.0], series.FalsePositiveRate);
        Assert.Equal([0.0, 0.5, 0.5, 1.0, 1.0], series.Sensitivity);
    }

    [Fact]
    public void With_one_class_absent_the_series_is_empty_and_says_so()
    {
        var series = RocSeries.From(Roc.FromScores(labels: [false, false], scores: [0.3, 0.6]), "model");

        Assert.Equal("model (AUC undefined)", series.Name);
        Assert.Empty(series.FalsePositiveRate);
        Assert.Empty(series.Sensitivity);
    }
}
