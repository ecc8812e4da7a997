using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class PairedProportionDifferenceTests
{
    [Fact]
    public void Newcombe_square_and_add_matches_the_published_Cavo_example()
    {
        // Cavo et al. (2012), complete response before and after consolidation therapy, as analysed in Fagerland,
        // Lydersen and Laake (2017), Statistical Analysis of Contingency Tables, ch. 8: table (59, 6; 16, 80),
        // Newcombe square-and-add estimate −0.0621, 95% CI −0.1186 to −0.0046.
        var difference = PairedProportionDifference.Newcombe(59, 6, 16, 80);
        Assert.Equal(-10.0 / 161, difference.Value!.Value, 15);
        Assert.Equal(-0.1186, Math.Round(difference.Interval!.Lower, 4));
        Assert.Equal(-0.0046, Math.Round(difference.Interval.Upper, 4));
        Assert.Equal("newcombe-paired", difference.Interval.Method);
    }

    [Fact]
    public void Sensitivity_difference_uses_the_diseased_cases_only()
    {
        // Diseased: A right on 3 (two with B), B right on 3 (two with A); non-diseased: A right on 2, B on 1, both on 1.
        bool[] labels = [true, true, true, true, false, false, false];
        bool[] a = [true, true, true, false, false, false, true];
        bool[] b = [true, true, false, true, false, true, true];
        var (sensitivity, specificity) = PairedProportionDifference.CompareDecisions(a, b, labels);
        Assert.Equal(0.0, sensitivity.Value);
        Assert.Equal(4.0, sensitivity.Denominator);
        Assert.Equal(1.0 / 3, specificity.Value!.Value, 15);
        Assert.True(sensitivity.Interval!.Lower < 0 && sensitivity.Interval.Upper > 0);
    }

    [Fact]
    public void No_pairs_is_undefined() => Assert.Equal("no pairs (N = 0)", PairedProportionDifference.Newcombe(0, 0, 0, 0).UndefinedReason);
}
