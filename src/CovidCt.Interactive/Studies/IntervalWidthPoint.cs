using CovidCt.Metrics;

namespace CovidCt.Interactive.Studies;

/// <summary>The confidence interval a study of <see cref="Cases"/> cases would report for an observed proportion.</summary>
/// <param name="Cases">Cases in the denominator (for sensitivity, diseased patients).</param>
/// <param name="Successes">round(proportion × cases): the count that would be observed.</param>
/// <param name="Interval">The interval of Successes / Cases.</param>
public sealed record IntervalWidthPoint(int Cases, long Successes, ConfidenceInterval Interval)
{
    /// <summary>Upper − lower bound.</summary>
    public double Width => Interval.Upper - Interval.Lower;
}
