using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class ClusteredMcNemarTests
{
    [Fact]
    public void Durkalski_statistic_and_clustered_difference_by_hand()
    {
        // Diseased slices of ClusteredAucTests, A calls ≥ 0.5 and B calls ≥ 0.6: A alone is right on one slice of p4 and
        // one of p6, so dᵢ = (p1 0, p2 0, p4 1, p5 0, p6 1), X² = (1 + 1)² / (1 + 1) = 2, p = P(χ²₁ ≥ 2) = 0.157299207050285.
        // Difference 2/7; Var = 5/4 · Σ (dᵢ − 2/7·nᵢ)² / 7² with nᵢ = (2, 1, 2, 1, 1): Σ = (16 + 4 + 9 + 4 + 25)/49, Var = 290/9604.
        var a = ClusteredAucTests.ScoresA.Select(s => s >= 0.5).ToArray();
        var b = ClusteredAucTests.ScoresB.Select(s => s >= 0.6).ToArray();
        var result = ClusteredMcNemar.CompareDecisions(a, b, ClusteredAucTests.Labels, ClusteredAucTests.Patients).Sensitivity;
        Assert.Equal((7L, 5, 2L, 0L), (result.Units, result.Clusters, result.OnlyACorrect, result.OnlyBCorrect));
        Assert.Equal(2.0, result.ChiSquare, 15);
        Assert.Equal(0.157299207050285, result.PValue, 14);
        Assert.Equal(2.0 / 7, result.Difference.Value!.Value, 15);
        var half = ProportionIntervals.TwoSidedZ(0.95) * Math.Sqrt(290.0 / 9604);
        Assert.Equal(2.0 / 7 - half, result.Difference.Interval!.Lower, 14);
    }

    [Fact]
    public void One_unit_per_cluster_is_the_uncorrected_McNemar_chi_square()
    {
        // (b − c)² / (b + c) with b = 9, c = 3: 36/12 = 3, as R's mcnemar.test(correct = FALSE) gives for that table.
        bool[] correctA = [.. Enumerable.Repeat(true, 9), .. Enumerable.Repeat(false, 3), .. Enumerable.Repeat(true, 20)];
        bool[] correctB = [.. Enumerable.Repeat(false, 9), .. Enumerable.Repeat(true, 3), .. Enumerable.Repeat(true, 20)];
        var result = ClusteredMcNemar.Test(correctA, correctB, correctA.Select((_, i) => $"u{i}").ToArray());
        Assert.Equal(3.0, result.ChiSquare, 14);
        Assert.Equal(0.0832645166635504, result.PValue, 14);
    }

    [Fact]
    public void No_net_discordance_gives_p_1() =>
        Assert.Equal(1.0, ClusteredMcNemar.Test([true, false], [false, true], ["a", "a"]).PValue);
}
