using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

/// <summary>Intervals of Youden's J, balanced accuracy and F1 (<see cref="DiagnosticMetrics"/>).</summary>
public sealed class CompositeIntervalTests
{
    // Newcombe RG. Interval estimation for the difference between independent proportions: comparison of eleven methods.
    // Stat Med 1998;17:873–890, Table II, method 10 (hybrid score), to the 4 decimals printed. J = Se − (1 − Sp) is such a
    // difference: x1/n1 = TP/(TP + FN) and x2/n2 = FP/(FP + TN). Full-precision values: References/youden_f1.R (base R 4.2.2).
    [Theory]
    [InlineData(56, 14, 48, 32, 0.052431472402365148, 0.33387265403690614)] // (a) 56/70 − 48/80: 0.0524 to 0.3339
    [InlineData(9, 1, 3, 7, 0.17052272393450302, 0.8090179735354881)] // (b) 9/10 − 3/10: 0.1705 to 0.8090
    [InlineData(6, 1, 2, 5, 0.058227927482312314, 0.80624963752422774)] // (c) 6/7 − 2/7: 0.0582 to 0.8062
    [InlineData(5, 51, 0, 29, -0.038137147903536894, 0.19256001385511146)] // (d) 5/56 − 0/29: −0.0381 to 0.1926
    [InlineData(0, 10, 0, 20, -0.16112515805281935, 0.27753279986288915)] // (e) 0/10 − 0/20: −0.1611 to 0.2775
    [InlineData(0, 10, 0, 10, -0.27753279986288915, 0.27753279986288915)] // (f) 0/10 − 0/10: −0.2775 to 0.2775
    [InlineData(10, 0, 0, 20, 0.67908603714191473, 1.0)] // (g) 10/10 − 0/20: 0.6791 to 1.0000
    [InlineData(10, 0, 0, 10, 0.60750935043052434, 1.0)] // (h) 10/10 − 0/10: 0.6075 to 1.0000
    public void Youden_interval_is_Newcombes_hybrid_score_interval(long tp, long fn, long fp, long tn, double lower, double upper)
    {
        var j = DiagnosticMetrics.Compute(new ConfusionCounts(tp, fp, tn, fn)).YoudenJ;
        Assert.Equal(Math.Round(lower, 4), Math.Round(j.Interval!.Lower, 4));
        Assert.Equal(Math.Round(upper, 4), Math.Round(j.Interval.Upper, 4));
        Assert.Equal(lower, j.Interval.Lower, 13);
        Assert.Equal(upper, j.Interval.Upper, 13);
        Assert.Equal("mover-wilson", j.Interval.Method);
    }

    [Fact]
    public void Balanced_accuracy_interval_is_the_Youden_interval_mapped_and_matches_base_R()
    {
        // The default cohort's per-image table (covidct evaluate: TP 66, FN 17, TN 163, FP 16); youden_f1.out.
        var metrics = DiagnosticMetrics.Compute(new ConfusionCounts(66, 16, 163, 17));
        Assert.Equal(0.59454763643312702, metrics.YoudenJ.Interval!.Lower, 13);
        Assert.Equal(0.78600075173984751, metrics.YoudenJ.Interval.Upper, 13);
        Assert.Equal(0.85289762401561553, metrics.BalancedAccuracy.Value!.Value, 14);
        Assert.Equal(0.79727381821656351, metrics.BalancedAccuracy.Interval!.Lower, 13);
        Assert.Equal(0.89300037586992376, metrics.BalancedAccuracy.Interval.Upper, 13);
        Assert.Equal("mover-wilson", metrics.BalancedAccuracy.Interval.Method);
    }

    [Theory]
    [InlineData(66, 17, 16, 0.72540057098104416, 0.85829228664440005)]
    [InlineData(0, 5, 5, 0.0, 0.4344824647831747)]
    [InlineData(7, 0, 0, 0.78468919726236419, 1.0)]
    public void F1_interval_is_the_Jaccard_Wilson_interval_mapped(long tp, long fn, long fp, double lower, double upper)
    {
        var f1 = DiagnosticMetrics.Compute(new ConfusionCounts(tp, fp, 1000, fn)).F1;
        Assert.Equal(lower, f1.Interval!.Lower, 13);
        Assert.Equal(upper, f1.Interval.Upper, 13);
        Assert.Equal("wilson-jaccard", f1.Interval.Method);
    }

    [Fact]
    public void F1_interval_rests_on_a_published_Wilson_interval()
    {
        // Newcombe RG. Two-sided confidence intervals for the single proportion. Stat Med 1998;17:857–872, Table I: 81/263
        // has Wilson's interval 0.2553 to 0.3662. TP 81 with FP + FN = 182 has Jaccard index 81/263, so F1's bounds are
        // 2·0.2553/1.2553 and 2·0.3662/1.3662 to the same precision.
        var f1 = DiagnosticMetrics.Compute(new ConfusionCounts(81, 82, 0, 100)).F1;
        var jaccardLower = f1.Interval!.Lower / (2 - f1.Interval.Lower);
        var jaccardUpper = f1.Interval.Upper / (2 - f1.Interval.Upper);
        Assert.Equal((0.2553, 0.3662), (Math.Round(jaccardLower, 4), Math.Round(jaccardUpper, 4)));
        Assert.Equal(0.40674078641781836, f1.Interval.Lower, 13);
    }

    [Fact]
    public void The_chosen_proportion_method_carries_through()
    {
        var metrics = DiagnosticMetrics.Compute(new ConfusionCounts(9, 3, 7, 1), ProportionInterval.ClopperPearson);
        Assert.Equal("mover-clopper-pearson", metrics.YoudenJ.Interval!.Method);
        Assert.Equal("clopper-pearson-jaccard", metrics.F1.Interval!.Method);
        // Clopper–Pearson is wider than Wilson, so its MOVER interval is too.
        var wilson = DiagnosticMetrics.Compute(new ConfusionCounts(9, 3, 7, 1)).YoudenJ.Interval!;
        Assert.True(metrics.YoudenJ.Interval.Lower < wilson.Lower && metrics.YoudenJ.Interval.Upper > wilson.Upper);
    }

    [Fact]
    public void Intervals_stay_in_range_and_are_absent_when_the_metric_is_undefined()
    {
        var perfect = DiagnosticMetrics.Compute(new ConfusionCounts(3, 0, 3, 0));
        Assert.True(perfect.YoudenJ.Interval!.Lower > -1 && perfect.YoudenJ.Interval.Upper == 1);
        var worst = DiagnosticMetrics.Compute(new ConfusionCounts(0, 3, 0, 3));
        Assert.Equal(-1, worst.YoudenJ.Value);
        Assert.True(worst.YoudenJ.Interval!.Lower == -1 && worst.YoudenJ.Interval.Upper < 0);
        var onlyNegatives = DiagnosticMetrics.Compute(new ConfusionCounts(0, 0, 5, 0));
        Assert.Null(onlyNegatives.YoudenJ.Interval);
        Assert.Null(onlyNegatives.BalancedAccuracy.Interval);
        Assert.Null(onlyNegatives.F1.Value);
        Assert.Null(onlyNegatives.F1.Interval);
    }
}
