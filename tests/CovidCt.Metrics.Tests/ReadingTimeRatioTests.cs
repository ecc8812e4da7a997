using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

// Issue #17 item 6. Reference values: References/readers.R (readers.out), from R's aov on the log ratios.
public sealed class ReadingTimeRatioTests
{
    private static readonly double[][] Without = [[60, 75, 90, 48, 120, 66], [80, 95, 70, 55, 150, 72], [45, 62, 88, 40, 100, 58]];
    private static readonly double[][] With = [[25, 16, 50, 17, 55, 18], [50, 44, 72, 31, 120, 39], [16, 13, 39, 11, 46, 15]];

    [Fact]
    public void Ratio_of_geometric_means_and_its_interval_match_R()
    {
        var result = ReadingTimeRatio.Compute("without", Without, "with", With);
        Assert.Equal(72.0987052205169, result.ReferenceGeometricMean, 11);
        Assert.Equal(30.3460791556988, result.OtherGeometricMean, 11);
        Assert.Equal(0.420896312394016, result.Ratio.Value!.Value, 13);
        Assert.Equal(0.199520365997658, result.Ratio.Interval!.Lower, 12);
        Assert.Equal(0.88789785895321, result.Ratio.Interval.Upper, 12);
        Assert.Equal(0.250784289272701, result.LogRatioStandardError, 13);
        Assert.Equal(3.41003576463811, result.DegreesOfFreedom, 11);
        Assert.Equal(0.00753573865934468, result.ResidualVariance, 14);
        Assert.Equal(0.420896312394016 - 1, result.RelativeChange!.Value, 13);
        Assert.Null(result.Caveat);
    }

    [Fact]
    public void One_reader_fixes_the_readers_and_says_so()
    {
        var result = ReadingTimeRatio.Compute("without", [Without[0]], "with", [With[0]]);
        Assert.Equal(5, result.DegreesOfFreedom);
        Assert.Null(result.ReaderVariance);
        Assert.Contains("one reader", result.Caveat);
    }

    [Fact]
    public void A_constant_ratio_has_a_zero_width_interval_with_a_caveat()
    {
        double[][] half = [.. Without.Select(row => row.Select(t => t / 2).ToArray())];
        var result = ReadingTimeRatio.Compute("without", Without, "with", half);
        Assert.Equal(0.5, result.Ratio.Value!.Value, 14);
        Assert.Contains("no width", result.Caveat);
    }

    [Fact]
    public void A_time_of_zero_is_refused()
    {
        double[][] zero = [[0, 1], [1, 1]];
        var error = Assert.Throws<ArgumentException>(() => ReadingTimeRatio.Compute("a", zero, "b", zero));
        Assert.Contains("positive", error.Message);
    }
}
