using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Tests;

public sealed class StatisticCaveatsTests
{
    private static readonly bool[] SixAndSix = [true, true, true, true, true, true, false, false, false, false, false, false];

    [Fact]
    public void Six_against_six_completely_separated_patients_get_the_zero_width_and_small_n_caveats()
    {
        // The default cohort's patient table: AUC 1.000 (1.000–1.000).
        var curve = Roc.FromScores(labels: SixAndSix, scores: [0.9, 0.8, 0.95, 0.7, 0.85, 0.99, 0, 0, 0.1, 0, 0.2, 0]);

        var caveats = StatisticCaveats.Auc(curve);

        Assert.Equal((1.0, 1.0), (curve.Auc.Interval!.Lower, curve.Auc.Interval.Upper));
        Assert.Contains(caveats, c => c.StartsWith("zero-width interval: the classes are completely separated", StringComparison.Ordinal));
        Assert.Contains(caveats, c => c.StartsWith("n below 10 per class (6 diseased, 6 not)", StringComparison.Ordinal));
    }

    [Fact]
    public void Tied_scores_make_a_single_threshold_roc()
    {
        var curve = Roc.FromScores(labels: SixAndSix, scores: Enumerable.Repeat(1.0, 12).ToArray());

        Assert.Contains(StatisticCaveats.Auc(curve), c => c.StartsWith("single-threshold ROC", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ordinary_auc_on_enough_cases_has_no_caveat()
    {
        var random = new Random(17);
        var labels = Enumerable.Range(0, 60).Select(i => i % 2 == 0).ToArray();
        var scores = labels.Select(l => random.NextDouble() + (l ? 0.4 : 0)).ToArray();

        Assert.Empty(StatisticCaveats.Auc(Roc.FromScores(labels: labels, scores: scores)));
    }

    [Fact]
    public void A_paired_test_with_a_zero_width_difference_says_it_carries_no_information()
    {
        var degenerate = new PairedDeLongResult(1, 1, 0, 0, 0, 0, 1, new ConfidenceInterval(0, 0, 0.95, "delong"));
        var ordinary = new PairedDeLongResult(0.9, 0.8, 0.001, 0.001, 0.0005, 2.2, 0.03, new ConfidenceInterval(0.01, 0.19, 0.95, "delong"));

        Assert.Contains("carries no information", Assert.Single(StatisticCaveats.PairedDeLong(degenerate)));
        Assert.Empty(StatisticCaveats.PairedDeLong(ordinary));
    }
}
