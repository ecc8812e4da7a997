using CovidCt.Interactive.Charts;
using CovidCt.Metrics;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Interactive.Tests.Charts;

public sealed class SweepHeatmapTests
{
    // Patient sensitivity = tp / 4 with tp = 10 × threshold + k (made up, so each cell says where it came from);
    // every control correctly negative except at threshold 0.3, k 1, where there are no controls (specificity undefined).
    private static SweepRow Row(double threshold, int k, bool sameQuadrant)
    {
        var tp = (long)Math.Round(10 * threshold) + k - 4;
        var controls = threshold == 0.3 && k == 1 ? 0 : 4;
        var patient = DiagnosticMetrics.Compute(new ConfusionCounts(tp, 0, controls, 4 - tp));
        return new SweepRow(new SweepSetting(threshold, 25, k, sameQuadrant, QuadrantAssignment.Centroid), patient, patient);
    }

    private static readonly SweepRow[] Rows =
        [.. new[] { 0.4, 0.3 }.SelectMany(t => new[] { 1, 2 }.SelectMany(k => new[] { Row(t, k, true), Row(t, k, false) }))];

    [Fact]
    public void Cells_hold_the_metric_at_their_x_and_y_with_axes_ascending()
    {
        var map = SweepHeatmap.Of(Rows, r => r.Patient.Sensitivity, s => s.Threshold, s => s.ConsecutiveSlices, s => s.SameQuadrant);

        Assert.Equal([0.3, 0.4], map.X);
        Assert.Equal([1.0, 2.0], map.Y);
        Assert.Equal([0.0, 0.25], map.Values[0]);   // k 1: tp 0 at 0.3, 1 at 0.4
        Assert.Equal([0.25, 0.5], map.Values[1]);   // k 2
    }

    [Fact]
    public void An_undefined_metric_leaves_its_cell_empty_not_zero()
    {
        var map = SweepHeatmap.Of(Rows, r => r.Patient.Specificity, s => s.Threshold, s => s.ConsecutiveSlices, s => s.SameQuadrant);

        Assert.Null(map.Values[0][0]);
        Assert.Equal(1.0, map.Values[1][0]);
    }

    [Fact]
    public void A_filter_that_leaves_a_parameter_free_or_passes_nothing_is_refused()
    {
        var twoPerCell = Assert.Throws<ArgumentException>(() =>
            SweepHeatmap.Of(Rows, r => r.Patient.Sensitivity, s => s.Threshold, s => s.ConsecutiveSlices, _ => true));
        Assert.Contains("two settings fall on x 0.4, y 1", twoPerCell.Message);
        Assert.Throws<ArgumentException>(() => SweepHeatmap.Of(Rows, r => r.Patient.Sensitivity, s => s.Threshold, s => s.ConsecutiveSlices, s => s.MinPixels == 0));
    }
}
