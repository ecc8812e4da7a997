using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class ThresholdSweepTests
{
    [Fact]
    public void Sweep_equals_direct_computation_at_every_distinct_threshold() =>
        Properties.Check(Properties.ScoredCases, d =>
        {
            var sweep = ThresholdSweep.Compute(d.Scores, d.Labels);
            var distinct = d.Scores.Distinct().OrderDescending().ToArray();
            if (!sweep.Select(p => p.Threshold).SequenceEqual(distinct)) return false;
            return sweep.All(p => p.Counts == ConfusionCounts.FromDecisions(d.Labels, d.Scores.Select(s => s >= p.Threshold).ToArray()));
        });

    [Fact]
    public void Tied_scores_move_together()
    {
        var sweep = ThresholdSweep.Compute([0.5, 0.5, 0.2], [true, false, true]);
        Assert.Equal(2, sweep.Count);
        Assert.Equal(new ConfusionCounts(1, 1, 0, 1), sweep[0].Counts);
    }

    [Fact]
    public void A_non_finite_score_is_rejected() =>
        Assert.Throws<ArgumentException>(() => ThresholdSweep.Compute([double.NaN], [true]));
}
