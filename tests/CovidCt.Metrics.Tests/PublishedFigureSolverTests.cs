using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class PublishedFigureSolverTests
{
    // Chen et al. 2020 (Sci Rep 10:19196), retrospective test set per patient: 11 COVID-19, 31 controls.
    [Fact]
    public void Retrospective_per_patient_has_exactly_one_table()
    {
        var result = ChenEtAl2020.RetrospectivePerPatient.SolveWithClassSizes();
        var only = Assert.Single(result.ExactSolutions);
        Assert.Equal(new ConfusionCounts(TruePositives: 11, FalsePositives: 2, TrueNegatives: 29, FalseNegatives: 0), only.Counts);
        Assert.Empty(result.ClosestFits);
    }

    // Prospective set: 16 COVID-19 and 11 other patients.
    [Fact]
    public void Prospective_per_patient_has_exactly_one_table()
    {
        var only = Assert.Single(ChenEtAl2020.ProspectivePerPatient.SolveWithClassSizes().ExactSolutions);
        Assert.Equal(new ConfusionCounts(TruePositives: 16, FalsePositives: 2, TrueNegatives: 9, FalseNegatives: 0), only.Counts);
    }

    // Per image: no table of 13,751 images reproduces all five figures; TP 835, FN 50, TN 12,756, FP 110
    // is off by about 0.015 points (specificity 12756/12866 = 99.1450 % against 99.16 %).
    [Fact]
    public void Retrospective_per_image_has_no_exact_table_and_reports_the_closest()
    {
        var result = ChenEtAl2020.RetrospectivePerImage.SolveWithTotal(closest: 20);
        Assert.False(result.HasExactSolution);
        Assert.Equal(20, result.ClosestFits.Count);
        Assert.InRange(result.ClosestFits[0].LargestDeviation, 0.005, 0.016);
        Assert.True(result.ClosestFits.Zip(result.ClosestFits.Skip(1)).All(p => p.First.LargestDeviation <= p.Second.LargestDeviation));
        Assert.Contains(result.ClosestFits, f => f.Counts == new ConfusionCounts(835, 110, 12756, 50));
        Assert.All(result.ClosestFits, f => Assert.Equal(13751, f.Counts.Total));
    }

    [Fact]
    public void Every_exact_solution_is_found_and_each_reproduces_every_figure()
    {
        // Brute force over every table of a small total must find the same set.
        var figures = new PublishedFigures(Sensitivity: 80m, Specificity: 75m, Accuracy: 77.78m, Ppv: null, Npv: null, Decimals: 2);
        var solved = PublishedFigureSolver.SolveForTotal(figures, 18).ExactSolutions.Select(f => f.Counts).ToHashSet();
        var brute = new HashSet<ConfusionCounts>();
        for (var p = 0; p <= 18; p++)
            for (var tp = 0; tp <= p; tp++)
                for (var tn = 0; tn <= 18 - p; tn++)
                {
                    var c = new ConfusionCounts(tp, 18 - p - tn, tn, p - tp);
                    if (PublishedFigureSolver.Check(figures, c).IsExact) brute.Add(c);
                }
        Assert.NotEmpty(brute);
        Assert.True(brute.SetEquals(solved));
    }

    [Theory]
    [InlineData(RoundingRule.HalfUp, 13, true)]
    [InlineData(RoundingRule.HalfUp, 12, false)]
    [InlineData(RoundingRule.HalfEven, 12, true)]
    [InlineData(RoundingRule.HalfEven, 13, false)]
    public void Ties_follow_the_rounding_rule(RoundingRule rule, int published, bool matches)
    {
        // 1/8 = 12.5 % exactly: half-up prints 13, half-even prints 12.
        var figures = new PublishedFigures(published, 50m, null, null, null, 0, rule);
        var check = PublishedFigureSolver.Check(figures, new ConfusionCounts(1, 1, 1, 7)).Checks[0];
        Assert.Equal(matches, check.Matches);
    }

    [Fact]
    public void Figures_with_more_decimals_than_stated_are_rejected() =>
        Assert.Throws<ArgumentException>(() => PublishedFigureSolver.Solve(new PublishedFigures(94.345m, 99m, null, null, null, 2), 10, 10));

    [Fact]
    public void Sensitivity_and_specificity_are_required() =>
        Assert.Throws<ArgumentException>(() => PublishedFigureSolver.Solve(new PublishedFigures(null, 99m, 98m, null, null, 0), 10, 10));
}
