using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class ClusteredProportionTests
{
    [Fact]
    public void Ratio_estimator_variance_matches_the_exact_fraction_reference()
    {
        // References/clustered.py: per-slice sensitivity of score A at 0.5 is 6/7, Var = 115/4802 (I = 5 patients with
        // diseased slices), design effect 1.369047619047619; the interval is Wilson's on 7 / deff effective slices.
        var decisions = ClusteredAucTests.ScoresA.Select(s => s >= 0.5).ToArray();
        var result = ClusteredProportion.Sensitivity(ClusteredAucTests.Labels, decisions, ClusteredAucTests.Patients);
        Assert.Equal(6.0 / 7, result.Proportion.Value);
        Assert.Equal(1.369047619047619, result.DesignEffect, 14);
        Assert.Equal(7 / 1.369047619047619, result.EffectiveTrials, 12);
        Assert.Equal(5, result.Clusters);
        Assert.Equal("wilson-rao-scott", result.Proportion.Interval!.Method);
        Assert.True(result.Proportion.Interval.Upper - result.Proportion.Interval.Lower > result.NaiveInterval!.Upper - result.NaiveInterval.Lower);
    }

    [Fact]
    public void One_unit_per_cluster_gives_the_Wilson_interval_up_to_the_I_over_I_minus_1_factor()
    {
        // With singletons Var = I/(I − 1)·p(1 − p)/n, so deff = n/(n − 1) and the effective n is n − 1.
        bool[] outcomes = [.. Enumerable.Repeat(true, 30), .. Enumerable.Repeat(false, 10)];
        var result = ClusteredProportion.Compute(outcomes, outcomes.Select((_, i) => $"u{i}").ToArray());
        Assert.Equal(40.0 / 39, result.DesignEffect, 14);
        Assert.Equal(39, result.EffectiveTrials, 12);
    }

    [Fact]
    public void All_successes_keep_the_naive_interval_and_say_why()
    {
        var result = ClusteredProportion.Compute([true, true, true], ["a", "b", "b"]);
        Assert.Equal(1.0, result.Proportion.Value);
        Assert.Equal(result.NaiveInterval, result.Proportion.Interval);
        Assert.True(double.IsNaN(result.DesignEffect));
        Assert.Contains("design effect undefined", result.Caveat);
    }

    [Fact]
    public void No_units_or_one_cluster_are_undefined()
    {
        Assert.Equal("no units (n = 0)", ClusteredProportion.Compute([], []).Proportion.UndefinedReason);
        Assert.Contains("one cluster only", ClusteredProportion.Compute([true, false], ["a", "a"]).Proportion.UndefinedReason);
    }

    [Fact]
    public void A_design_effect_below_1_is_floored_so_the_interval_is_never_narrower_than_Wilson()
    {
        // Every cluster holds one success and one failure: the cluster totals do not vary, Var = 0 < p(1 − p)/n.
        var result = ClusteredProportion.Compute([true, false, true, false, true, false], ["a", "a", "b", "b", "c", "c"]);
        Assert.Equal(0.0, result.DesignEffect, 15);
        Assert.Equal(6, result.EffectiveTrials, 12);
        Assert.Equal(result.NaiveInterval!.Lower, result.Proportion.Interval!.Lower, 14);
        Assert.Contains("floored at 1", result.Caveat);
    }
}
