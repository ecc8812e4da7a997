using CovidCt.Metrics;

namespace CovidCt.Interactive.Studies;

/// <summary>
/// How precise a proportion can be with a given number of cases: the interval a study would report if it observed
/// <c>proportion</c> on n cases, for each n. It answers "what can 11 COVID-19 patients establish?".
/// </summary>
public static class IntervalWidth
{
    /// <summary>
    /// One point per entry of <paramref name="cases"/>, in the given order; the observed count is the proportion times
    /// the cases, rounded half away from zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The proportion is outside [0, 1], a case count is below 1, or the level is not in (0, 1).</exception>
    public static IReadOnlyList<IntervalWidthPoint> Curve(double proportion, IEnumerable<int> cases, ProportionInterval method = ProportionInterval.Wilson, double level = 0.95)
    {
        if (!(proportion is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(proportion), proportion, "a proportion must lie in [0, 1]");
        return cases.Select(n =>
        {
            if (n < 1) throw new ArgumentOutOfRangeException(nameof(cases), n, "each study needs at least one case");
            var successes = (long)Math.Round(proportion * n, MidpointRounding.AwayFromZero);
            return new IntervalWidthPoint(n, successes, ProportionIntervals.Compute(successes, n, method, level)!);
        }).ToArray();
    }
}
