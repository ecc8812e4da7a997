using CovidCt.Interactive.Studies;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Tests.Studies;

public sealed class IntervalWidthTests
{
    [Fact]
    public void Eleven_patients_all_detected_give_the_study_interval()
    {
        var point = IntervalWidth.Curve(1.0, [11]).Single();

        Assert.Equal(11, point.Successes);
        Assert.Equal(0.7412, point.Interval.Lower, 4);
        Assert.Equal(1.0, point.Interval.Upper);
    }

    [Fact]
    public void A_lower_bound_of_95_percent_needs_73_patients_all_detected()
    {
        // Wilson at n/n has lower bound n / (n + z²); n / (n + 3.8415) ≥ 0.95 first holds at n = 73.
        var curve = IntervalWidth.Curve(1.0, Enumerable.Range(1, 200));

        Assert.Equal(73, curve.First(p => p.Interval.Lower >= 0.95).Cases);
    }

    [Fact]
    public void The_interval_narrows_as_cases_grow()
    {
        var curve = IntervalWidth.Curve(0.9355, [10, 31, 100, 1000], ProportionInterval.ClopperPearson);

        Assert.Equal([29, 94, 936], curve.Skip(1).Select(p => p.Successes));
        Assert.True(curve.Zip(curve.Skip(1)).All(pair => pair.Second.Width < pair.First.Width));
    }

    [Fact]
    public void Impossible_inputs_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IntervalWidth.Curve(1.2, [10]));
        Assert.Throws<ArgumentOutOfRangeException>(() => IntervalWidth.Curve(double.NaN, [10]));
        Assert.Throws<ArgumentOutOfRangeException>(() => IntervalWidth.Curve(0.5, [0]));
    }
}
