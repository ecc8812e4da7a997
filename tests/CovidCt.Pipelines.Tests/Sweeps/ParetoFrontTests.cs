using CovidCt.Metrics;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Pipelines.Tests.Sweeps;

public sealed class ParetoFrontTests
{
    private static SweepRow Row(double threshold, int tp, int fn, int tn, int fp, int imageTp = 5, int imageFp = 5) => new(
        SweepSetting.Study with { Threshold = threshold },
        DiagnosticMetrics.Compute(new ConfusionCounts(imageTp, imageFp, 10 - imageFp, 10 - imageTp)),
        DiagnosticMetrics.Compute(new ConfusionCounts(tp, fp, tn, fn)));

    [Fact]
    public void Dominated_points_are_left_out_and_equal_points_grouped_under_the_setting_closest_to_the_study()
    {
        var rows = new[]
        {
            Row(0.3, tp: 10, fn: 0, tn: 5, fp: 5),   // (1.0, 0.5)
            Row(0.4, tp: 9, fn: 1, tn: 5, fp: 5),    // (0.9, 0.5) dominated by 0.3
            Row(0.5, tp: 8, fn: 2, tn: 9, fp: 1),    // (0.8, 0.9)
            Row(0.55, tp: 8, fn: 2, tn: 9, fp: 1),   // same point
            Row(0.6, tp: 8, fn: 2, tn: 8, fp: 2),    // (0.8, 0.8) dominated
            Row(0.8, tp: 5, fn: 5, tn: 10, fp: 0),   // (0.5, 1.0)
        };
        var front = ParetoFront.Of(rows, SweepLevel.Patient);
        Assert.Equal([(1.0, 0.5), (0.8, 0.9), (0.5, 1.0)], front.Select(p => (p.Sensitivity, p.Specificity)));
        Assert.Equal(0.5, front[1].Representative.Setting.Threshold);
        Assert.Equal(2, front[1].Settings.Count);
    }

    [Fact]
    public void Undefined_rows_take_no_part()
    {
        var rows = new[] { Row(0.3, tp: 0, fn: 0, tn: 5, fp: 5), Row(0.5, tp: 3, fn: 1, tn: 4, fp: 1) };
        Assert.Equal(0.5, Assert.Single(ParetoFront.Of(rows, SweepLevel.Patient)).Representative.Setting.Threshold);
        Assert.Empty(ParetoFront.Of(rows[..1], SweepLevel.Patient));
    }

    [Fact]
    public void The_operating_point_maximises_patient_J_then_image_J_then_closeness_to_the_study()
    {
        var best = Row(0.7, tp: 9, fn: 1, tn: 9, fp: 1);
        Assert.Same(best, OperatingPointRule.Choose([Row(0.5, tp: 8, fn: 2, tn: 9, fp: 1), best]));
        var tieBetterImage = Row(0.3, tp: 9, fn: 1, tn: 9, fp: 1, imageTp: 9, imageFp: 1);
        Assert.Same(tieBetterImage, OperatingPointRule.Choose([best, tieBetterImage]));
        var tieStudy = Row(0.5, tp: 9, fn: 1, tn: 9, fp: 1);
        Assert.Same(tieStudy, OperatingPointRule.Choose([best, tieStudy]));
        Assert.Throws<ArgumentException>(() => OperatingPointRule.Choose([Row(0.5, tp: 0, fn: 0, tn: 9, fp: 1)]));
    }
}
