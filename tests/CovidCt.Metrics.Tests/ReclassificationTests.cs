using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class ReclassificationTests
{
    // Four events and four non-events, threshold 0.5, by hand from Pencina et al. (2008):
    //   events:     old (0.4, 0.6, 0.3, 0.7), new (0.6, 0.7, 0.4, 0.45): up 1 (0.4→0.6), down 1 (0.7→0.45): event NRI 0
    //   non-events: old (0.6, 0.2, 0.55, 0.1), new (0.3, 0.25, 0.4, 0.6): down 2, up 1: non-event NRI 1/4
    //   NRI = 1/4, SE = √((1/4 + 1/4)/4 + (1/4 + 2/4)/4) = √(5/16).
    //   IDI: event gains (0.2, 0.1, 0.1, −0.25) mean 0.0375; non-event gains (−0.3, 0.05, −0.15, 0.5) mean 0.025; IDI 0.0125.
    private static readonly double[] Old = [0.4, 0.6, 0.3, 0.7, 0.6, 0.2, 0.55, 0.1];
    private static readonly double[] New = [0.6, 0.7, 0.4, 0.45, 0.3, 0.25, 0.4, 0.6];
    private static readonly bool[] Outcomes = [true, true, true, true, false, false, false, false];

    [Fact]
    public void Nri_and_idi_follow_Pencina_by_hand()
    {
        var result = Reclassification.Compute(Old, New, Outcomes, 0.5);
        Assert.Equal(0.0, result.EventNri, 15);
        Assert.Equal(0.25, result.NonEventNri, 15);
        Assert.Equal(0.25, result.Nri, 15);
        Assert.Equal(0.25 - ProportionIntervals.TwoSidedZ(0.95) * Math.Sqrt(5.0 / 16), result.NriInterval.Lower, 14);
        Assert.Equal(0.0125, result.Idi, 14);
        double[] eventGain = [0.2, 0.1, 0.1, -0.25], nonEventGain = [-0.3, 0.05, -0.15, 0.5];
        var se = Math.Sqrt(Variance(eventGain) / 4 + Variance(nonEventGain) / 4);
        Assert.Equal(0.0125 + ProportionIntervals.TwoSidedZ(0.95) * se, result.IdiInterval.Upper, 13);
    }

    [Fact]
    public void A_model_compared_with_itself_has_nri_and_idi_0_and_p_1()
    {
        var result = Reclassification.Compute(Old, Old, Outcomes, 0.5);
        Assert.Equal((0.0, 1.0, 0.0, 1.0), (result.Nri, result.NriPValue, result.Idi, result.IdiPValue));
    }

    [Fact]
    public void One_event_is_rejected() =>
        Assert.Throws<ArgumentException>(() => Reclassification.Compute([0.1, 0.2, 0.3], [0.1, 0.2, 0.3], [true, false, false], 0.5));

    private static double Variance(double[] x)
    {
        var mean = x.Average();
        return x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1);
    }
}
