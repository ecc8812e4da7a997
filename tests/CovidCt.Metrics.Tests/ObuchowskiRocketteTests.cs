using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

// Issue #17 item 6. The published analysis of the Van Dyke data: MRMCaov 0.1.8's README (Smith, Hillis and Pesce 2020),
// random readers and cases, jackknife covariances; identical to RJafroc's DBM analysis (F 4.456319, ddf 15.25967,
// p 0.05166569). The remaining digits come from References/readers.R, which recomputes every AUC from scratch for each
// left-out case and takes the mean squares from R's aov (readers.out).
public sealed class ObuchowskiRocketteTests
{
    private static readonly MrmcResult VanDykeResult = Analyse();

    private static MrmcResult Analyse()
    {
        var (modalities, readers, scores, truth) = VanDyke.Load();
        return ObuchowskiRockette.Analyse(modalities, readers, scores, truth);
    }

    [Fact]
    public void Global_test_matches_the_published_Van_Dyke_analysis()
    {
        var test = VanDykeResult.Test!;
        Assert.Equal(4.456319, Math.Round(test.F!.Value, 6));
        Assert.Equal(15.25967, Math.Round(test.DenominatorDegreesOfFreedom, 5));
        Assert.Equal(0.05166569, Math.Round(test.P!.Value, 8));
        Assert.Equal(1, test.NumeratorDegreesOfFreedom);
        Assert.Equal(4.45631869315724, test.F.Value, 12);
        Assert.Equal(15.2596745891417, test.DenominatorDegreesOfFreedom, 10);
    }

    [Fact]
    public void Difference_and_its_interval_match_the_published_analysis()
    {
        var difference = Assert.Single(VanDykeResult.Differences);
        Assert.Equal(("1", "2"), (difference.First, difference.Second));
        Assert.Equal(-0.04380032, Math.Round(difference.Estimate, 8));
        Assert.Equal(0.02074862, Math.Round(difference.StandardError, 8));
        Assert.Equal(-0.0879594986, Math.Round(difference.Interval.Lower, 10));
        Assert.Equal(0.0003588544, Math.Round(difference.Interval.Upper, 10));
        Assert.Equal(-2.110999, Math.Round(difference.T!.Value, 6));
        Assert.Equal(0.05166569, Math.Round(difference.P!.Value, 8));
    }

    [Fact]
    public void Variance_components_match_the_published_analysis()
    {
        var c = VanDykeResult.Components;
        Assert.Equal(0.0008022883, Math.Round(c.ErrorVariance, 10));
        Assert.Equal(0.0003466137, Math.Round(c.Cov1!.Value, 10));
        Assert.Equal(0.0003440748, Math.Round(c.Cov2, 10));
        Assert.Equal(0.0002390284, Math.Round(c.Cov3!.Value, 10));
        Assert.Equal(0.0015349993, Math.Round(c.ReaderVariance, 10));
        Assert.Equal(0.0002004025, Math.Round(c.ReaderByModalityVariance!.Value, 10));
        Assert.Equal(0.004796171, Math.Round(VanDykeResult.ModalityMeanSquare, 9));
        Assert.Equal(0.0005510306, Math.Round(VanDykeResult.ReaderByModalityMeanSquare, 10));
    }

    [Fact]
    public void Each_modality_has_the_published_single_modality_interval()
    {
        var (first, second) = (VanDykeResult.Modalities[0], VanDykeResult.Modalities[1]);
        Assert.Equal(0.8970370, Math.Round(first.MeanAuc, 7));
        Assert.Equal(0.03317360, Math.Round(first.StandardError, 8));
        Assert.Equal(12.74465, Math.Round(first.DegreesOfFreedom, 5));
        Assert.Equal(0.8252236, Math.Round(first.Interval.Lower, 7));
        Assert.Equal(0.9688505, Math.Round(first.Interval.Upper, 7));
        Assert.Equal(0.9408374, Math.Round(second.MeanAuc, 7));
        Assert.Equal(12.71019, Math.Round(second.DegreesOfFreedom, 5));
        Assert.Equal(0.8941378, Math.Round(second.Interval.Lower, 7));
        Assert.Equal(0.9875369, Math.Round(second.Interval.Upper, 7));
        // Reader AUCs, readers.out.
        Assert.Equal(0.919645732689211, first.ReaderAucs[0], 14);
        Assert.Equal(0.999355877616747, second.ReaderAucs[3], 14);
    }

    [Fact]
    public void Identical_readers_and_modalities_have_no_test_and_say_why()
    {
        // Every reader gives the same scores in both modalities: MS(T:R) = 0 and Cov2 − Cov3 = 0.
        double[] scores = [0.1, 0.4, 0.35, 0.8, 0.7, 0.2];
        bool[] truth = [false, false, true, true, true, false];
        var grid = new IReadOnlyList<double>[2, 2];
        for (var i = 0; i < 2; i++) for (var j = 0; j < 2; j++) grid[i, j] = scores;
        var result = ObuchowskiRockette.Analyse(["A", "B"], ["r1", "r2"], grid, truth);
        Assert.Null(result.Test!.F);
        Assert.Contains("denominator is 0", result.Test.UndefinedReason);
        Assert.Equal(0, Assert.Single(result.Differences).Estimate);
    }

    [Fact]
    public void Too_few_readers_or_cases_is_explained()
    {
        Assert.Contains("at least two readers", ObuchowskiRockette.WhyUndefined(1, [true, true, false, false]));
        Assert.Contains("at least two of each", ObuchowskiRockette.WhyUndefined(3, [true, false, false]));
        Assert.Null(ObuchowskiRockette.WhyUndefined(2, [true, true, false, false]));
    }

    [Fact]
    public void One_modality_gives_its_interval_without_a_test()
    {
        var (_, readers, scores, truth) = VanDyke.Load();
        var only = new IReadOnlyList<double>[1, 5];
        for (var j = 0; j < 5; j++) only[0, j] = scores[0, j];
        var result = ObuchowskiRockette.Analyse(["1"], readers, only, truth);
        Assert.Null(result.Test);
        Assert.Empty(result.Differences);
        Assert.Equal(0.8252236, Math.Round(result.Modalities[0].Interval.Lower, 7));
    }
}
