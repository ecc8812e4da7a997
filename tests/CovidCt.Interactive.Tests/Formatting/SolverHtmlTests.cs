using CovidCt.Interactive.Formatting;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class SolverHtmlTests
{
    [Fact]
    public void The_per_patient_table_has_one_exact_solution_and_no_misses()
    {
        var html = SolverHtml.Result(ChenEtAl2020.RetrospectivePerPatient.SolveWithClassSizes());

        Assert.Contains("1 table(s) reproduce every published figure.", html);
        Assert.Contains("<td>Published</td><td></td><td></td><td></td><td class=\"n\">100%</td><td class=\"n\">93.55%</td>", html);
        Assert.Contains("<td class=\"n\">11</td><td class=\"n\">0</td><td class=\"n\">29</td><td class=\"n\">2</td>", html);
        Assert.DoesNotContain("class=\"miss\"", html);
    }

    [Fact]
    public void The_per_image_table_has_no_solution_and_marks_each_figure_that_misses()
    {
        var html = SolverHtml.Result(ChenEtAl2020.RetrospectivePerImage.SolveWithTotal(closest: 3));

        Assert.Contains("No table reproduces every published figure. The 3 closest", html);
        Assert.Contains("<td class=\"n\">835</td><td class=\"n\">50</td><td class=\"n\">12,756</td><td class=\"n\">110</td>", html);
        Assert.Contains("<span class=\"miss\" title=\"does not round to 99.16%\">99.145 *</span>", html);
        Assert.Contains("<td class=\"n\">0.0150</td>", html);
    }

    [Fact]
    public void A_single_fit_says_whether_it_reproduces_the_figures()
    {
        var figures = ChenEtAl2020.ProspectivePerPatient.Figures;

        Assert.Contains("These counts reproduce every figure.", SolverHtml.Fit(PublishedFigureSolver.Check(figures, new ConfusionCounts(16, 2, 9, 0))));
        Assert.Contains("These counts do not reproduce every figure.", SolverHtml.Fit(PublishedFigureSolver.Check(figures, new ConfusionCounts(15, 2, 9, 1))));
    }
}
