namespace CovidCt.Metrics;

/// <summary>Candidate counts for published figures, with how far each figure is from them.</summary>
/// <param name="Counts">The candidate confusion table.</param>
/// <param name="Checks">One check per published figure.</param>
public sealed record SolverFit(ConfusionCounts Counts, IReadOnlyList<FigureCheck> Checks)
{
    /// <summary>The largest deviation over the figures, in percentage points.</summary>
    public double LargestDeviation => Checks.Max(c => c.Deviation);

    /// <summary>True when every figure matches after rounding.</summary>
    public bool IsExact => Checks.All(c => c.Matches);
}
