namespace CovidCt.Metrics.Tests;

public sealed class FrocCurveTests
{
    // A worked example checked by hand. 4 images, 5 lesions; marks (box scores):
    //   lesion A best hit 0.9, lesion B 0.8, lesion C 0.6, lesions D and E never hit;
    //   false positives 0.85, 0.7, 0.7, 0.4.
    // Thresholds falling: 0.9 -> 1 lesion, 0 FP; 0.85 -> 1, 1; 0.8 -> 2, 1; 0.7 -> 2, 3; 0.6 -> 3, 3; 0.4 -> 3, 4.
    // With 4 images: FP/image 0, 0.25, 0.25, 0.75, 0.75, 1.0; sensitivity 0.2, 0.2, 0.4, 0.4, 0.6, 0.6.
    private static FrocCurve Example() => FrocCurve.FromMarks([0.9, 0.8, 0.6, null, null], [0.85, 0.7, 0.7, 0.4], images: 4);

    [Fact]
    public void Points_of_the_worked_example_match_the_hand_count()
    {
        var points = Example().Points;
        Assert.Equal(
            [(double.PositiveInfinity, 0L, 0L), (0.9, 1, 0), (0.85, 1, 1), (0.8, 2, 1), (0.7, 2, 3), (0.6, 3, 3), (0.4, 3, 4)],
            points.Select(p => (p.Threshold, p.LesionsHit, p.FalsePositives)));
        Assert.Equal([0, 0.2, 0.2, 0.4, 0.4, 0.6, 0.6], points.Select(p => p.Sensitivity));
        Assert.Equal([0, 0, 0.25, 0.25, 0.75, 0.75, 1.0], points.Select(p => p.FalsePositivesPerImage));
    }

    [Fact]
    public void Sensitivity_at_the_standard_rates_is_the_best_point_at_or_below_each_rate()
    {
        var at = Example().AtStandardRates();
        Assert.Equal(FrocCurve.StandardRates, at.Select(a => a.FalsePositivesPerImage));
        // 0.125: only points with 0 FP/image (best 0.2); 0.25 and 0.5: up to the point (0.25, 0.4); 1: (1.0, 0.6).
        Assert.Equal([0.2, 0.4, 0.4, 0.6, 0.6, 0.6, 0.6], at.Select(a => a.Sensitivity));
        // The curve ends at 1 FP/image: rates beyond it are flagged, the value being the last point's.
        Assert.Equal([false, false, false, false, true, true, true], at.Select(a => a.BeyondCurve));
    }

    [Fact]
    public void Tied_scores_enter_together()
    {
        var curve = FrocCurve.FromMarks([0.5, 0.5], [0.5], images: 1);
        Assert.Equal(2, curve.Points.Count);
        Assert.Equal((2L, 1L), (curve.Points[1].LesionsHit, curve.Points[1].FalsePositives));
    }

    [Fact]
    public void Without_lesions_or_images_it_refuses()
    {
        Assert.Throws<ArgumentException>(() => FrocCurve.FromMarks([], [0.5], images: 1));
        Assert.Throws<ArgumentException>(() => FrocCurve.FromMarks([0.5], [], images: 0));
        Assert.Throws<ArgumentException>(() => FrocCurve.FromMarks([double.NaN], [], images: 1));
    }
}
