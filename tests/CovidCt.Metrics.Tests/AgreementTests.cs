using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

// Issue #17 item 6. Reference values: References/readers.R (readers.out), which computes the Fleiss–Cohen–Everitt
// standard error in vcd::Kappa's algebra, and Fleiss' kappa with its jackknife from the count table.
public sealed class AgreementTests
{
    private static (string[] First, string[] Second) Table(int[,] counts, string[] categories)
    {
        List<string> first = [], second = [];
        for (var i = 0; i < counts.GetLength(0); i++)
        {
            for (var j = 0; j < counts.GetLength(1); j++)
            {
                for (var n = 0; n < counts[i, j]; n++) { first.Add(categories[i]); second.Add(categories[j]); }
            }
        }
        return ([.. first], [.. second]);
    }

    [Fact]
    public void Cohen_kappa_matches_the_published_two_by_two_example()
    {
        // Wikipedia, "Cohen's kappa", worked example: 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no; po 0.7, pe 0.5, kappa 0.4.
        var (a, b) = Table(new[,] { { 20, 5 }, { 10, 15 } }, ["yes", "no"]);
        var kappa = Agreement.Cohen(a, b);
        Assert.Equal(0.4, kappa.Kappa.Value!.Value, 14);
        Assert.Equal(0.7, kappa.ObservedAgreement, 14);
        Assert.Equal(0.5, kappa.ChanceAgreement, 14);
        Assert.Equal(0.1269960629311, kappa.StandardError!.Value, 12);
        Assert.Equal(0.151092290476661, kappa.Kappa.Interval!.Lower, 12);
        Assert.Equal(0.648907709523339, kappa.Kappa.Interval.Upper, 12);
        Assert.Equal("fleiss-cohen-everitt", kappa.Kappa.Interval.Method);
    }

    [Fact]
    public void Cohen_kappa_on_three_categories_matches_R()
    {
        var (a, b) = Table(new[,] { { 22, 5, 1 }, { 4, 18, 6 }, { 2, 3, 9 } }, ["1", "2", "3"]);
        var kappa = Agreement.Cohen(a, b);
        Assert.Equal(0.535398230088496, kappa.Kappa.Value!.Value, 13);
        Assert.Equal(0.0838808914095693, kappa.StandardError!.Value, 13);
        Assert.Equal(["1", "2", "3"], kappa.Categories);
    }

    [Fact]
    public void Perfect_agreement_has_a_zero_width_interval_with_a_caveat()
    {
        var kappa = Agreement.Cohen(["0", "1", "1", "0"], ["0", "1", "1", "0"]);
        Assert.Equal(1, kappa.Kappa.Value);
        Assert.Equal(0, kappa.StandardError);
        Assert.Contains("no width", kappa.Caveat);
    }

    [Fact]
    public void One_category_everywhere_is_undefined_with_its_reason()
    {
        var kappa = Agreement.Cohen(["1", "1", "1"], ["1", "1", "1"]);
        Assert.False(kappa.Kappa.IsDefined);
        Assert.Contains("0/0", kappa.Kappa.UndefinedReason);
        Assert.False(Agreement.Fleiss([["1", "1"], ["1", "1"]]).Kappa.IsDefined);
    }

    [Fact]
    public void Fleiss_kappa_matches_the_published_example()
    {
        // Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories; P̄ 0.378, P̄e 0.213, kappa 0.210.
        int[,] counts =
        {
            { 0, 0, 0, 0, 14 }, { 0, 2, 6, 4, 2 }, { 0, 0, 3, 5, 6 }, { 0, 3, 9, 2, 0 }, { 2, 2, 8, 1, 1 },
            { 7, 7, 0, 0, 0 }, { 3, 2, 6, 3, 0 }, { 2, 5, 3, 2, 2 }, { 6, 5, 2, 1, 0 }, { 0, 2, 2, 3, 7 },
        };
        var ratings = Enumerable.Range(0, 10)
            .Select(i => (IReadOnlyList<string>)Enumerable.Range(0, 5).SelectMany(j => Enumerable.Repeat((j + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), counts[i, j])).ToArray())
            .ToArray();
        var kappa = Agreement.Fleiss(ratings);
        Assert.Equal(0.210, Math.Round(kappa.Kappa.Value!.Value, 3));
        Assert.Equal(0.378, Math.Round(kappa.ObservedAgreement, 3));
        Assert.Equal(0.213, Math.Round(kappa.ChanceAgreement, 3));
        Assert.Equal(0.209930704421955, kappa.Kappa.Value.Value, 13);
        Assert.Equal(0.100557023244972, kappa.StandardError!.Value, 13);
        Assert.Equal("jackknife", kappa.Kappa.Interval!.Method);
        Assert.Equal(14, kappa.Raters);
    }

    [Fact]
    public void Fleiss_refuses_cases_with_different_numbers_of_ratings()
    {
        var error = Assert.Throws<ArgumentException>(() => Agreement.Fleiss([["1", "2"], ["1", "2", "2"]]));
        Assert.Contains("case 2 has 3 ratings", error.Message);
    }
}
