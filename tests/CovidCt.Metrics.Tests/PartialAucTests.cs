using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class PartialAucTests
{
    // The 20 cases of References/partial_auc.R (and calibration.R); reference values from pROC 1.18 (partial_auc.out).
    private static readonly double[] Scores = [0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.30];
    private static readonly bool[] Labels = [false, false, true, false, false, true, false, false, true, true, false, true, true, true, false, true, true, true, true, false];

    [Theory]
    [InlineData(0.8, 0.096969696969696928, 0.71380471380471378)]
    [InlineData(0.9, 0.036363636363636355, 0.66507177033492826)]
    [InlineData(0.5, 0.33964646464646464, 0.78619528619528611)]
    public void Raw_and_McClish_partial_auc_match_pROC(double minimumSpecificity, double raw, double mcClish)
    {
        var curve = Roc.FromScores(labels: Labels, scores: Scores);
        Assert.Equal(0.81313131313131315, curve.Auc.Value!.Value, 14);
        var result = PartialAuc.Compute(curve, minimumSpecificity);
        Assert.Equal(raw, result.Area.Value!.Value, 14);
        Assert.Equal(mcClish, result.McClish!.Value, 14);
    }

    [Fact]
    public void The_whole_range_is_the_auc_and_McClish_leaves_it_unchanged()
    {
        var curve = Roc.FromScores(labels: Labels, scores: Scores);
        var result = PartialAuc.Compute(curve, 0);
        Assert.Equal(curve.Auc.Value!.Value, result.Area.Value!.Value, 14);
        Assert.Equal(curve.Auc.Value!.Value, result.McClish!.Value, 14);
    }

    [Fact]
    public void A_range_starting_at_1_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialAuc.Compute(Roc.FromScores(labels: Labels, scores: Scores), 1));

    [Fact]
    public void The_bootstraps_fast_path_gives_the_curves_areas_to_the_last_bit()
    {
        // Scores rounded to 0.1 so that many tie, within and across classes; the bootstraps use FromScores thousands of times.
        var random = new Random(3);
        for (var trial = 0; trial < 50; trial++)
        {
            var n = 5 + random.Next(60);
            var labels = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.4).ToArray();
            var scores = labels.Select(l => Math.Round((l ? 0.8 : 0) + random.NextDouble(), 1)).ToArray();
            foreach (var s in new[] { 0.0, 0.5, 0.8, 0.9, 0.95 })
            {
                var (area, mcClish) = PartialAuc.FromScores(labels, scores, s);
                var curve = PartialAuc.Compute(Roc.FromScores(labels: labels, scores: scores), s);
                Assert.Equal(curve.Area.Value, area);
                Assert.Equal(curve.McClish, mcClish);
            }
        }
    }
}
