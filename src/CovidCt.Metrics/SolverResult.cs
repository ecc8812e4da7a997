namespace CovidCt.Metrics;

/// <summary>What <see cref="PublishedFigureSolver"/> found.</summary>
/// <param name="Figures">The published figures searched for.</param>
/// <param name="ExactSolutions">Every table that reproduces all figures after rounding (ordered by TP, then TN).</param>
/// <param name="ClosestFits">When there is no exact solution, the tables with the smallest largest deviation, best first; empty otherwise.</param>
public sealed record SolverResult(PublishedFigures Figures, IReadOnlyList<SolverFit> ExactSolutions, IReadOnlyList<SolverFit> ClosestFits)
{
    /// <summary>True when at least one table reproduces every figure.</summary>
    public bool HasExactSolution => ExactSolutions.Count > 0;
}
