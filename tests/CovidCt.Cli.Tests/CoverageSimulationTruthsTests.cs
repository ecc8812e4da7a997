using CovidCt.Cli.Commands;
using MathNet.Numerics.Distributions;

namespace CovidCt.Cli.Tests;

/// <summary>
/// The truths the coverage simulation measures intervals against: a wrong truth would make a correct interval look broken
/// (or a broken one correct), so each is checked against a closed form or a direct simulation.
/// </summary>
public sealed class CoverageSimulationTruthsTests
{
    [Theory]
    [InlineData(1.5)]
    [InlineData(0.4)]
    public void The_binormal_partial_area_over_every_specificity_is_the_full_auc(double a) =>
        Assert.Equal(Normal.CDF(0, 1, a / Math.Sqrt(2)), CoverageSimulationTruths.BinormalPartialAuc(a, 0), 6);

    [Fact]
    public void The_binormal_partial_area_of_a_useless_test_is_the_triangle_under_the_diagonal_and_mcclish_half()
    {
        var area = CoverageSimulationTruths.BinormalPartialAuc(0, 0.8);
        Assert.Equal(0.02, area, 6);
        Assert.Equal(0.5, CoverageSimulationTruths.McClish(area, 0.8), 6);
        Assert.Equal(1.0, CoverageSimulationTruths.McClish(0.2, 0.8), 12);
    }

    [Fact]
    public void Without_false_marks_a_lesion_wins_when_marked_and_ties_when_not() =>
        Assert.Equal(0.8 + 0.5 * 0.2, CoverageSimulationTruths.LesionBeatsNormal(1.5, 1, 0.8, 0), 9);

    [Fact]
    public void The_lesion_against_normal_case_probability_matches_a_direct_simulation()
    {
        const double mu = 1.5, sd = 1.3, nu = 0.8, lambda = 1.0;
        const int draws = 400_000;
        var random = new Random(11);
        double wins = 0;
        for (var i = 0; i < draws; i++)
        {
            var lesion = random.NextDouble() < nu ? mu + sd * CoverageSimulationTruths.Gaussian(random) : double.NegativeInfinity;
            var normal = double.NegativeInfinity;
            for (var m = Poisson.Sample(random, lambda); m > 0; m--) normal = Math.Max(normal, CoverageSimulationTruths.Gaussian(random));
            wins += lesion > normal ? 1 : lesion == normal ? 0.5 : 0;
        }
        // Monte-Carlo SE below 0.0007 at 400,000 draws; 0.003 is over 4 SE.
        Assert.Equal(CoverageSimulationTruths.LesionBeatsNormal(mu, sd, nu, lambda), wins / draws, 0.003);
    }
}
