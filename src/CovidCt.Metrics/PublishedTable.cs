namespace CovidCt.Metrics;

/// <summary>One published result table: its percentages and what is known about its denominators.</summary>
/// <param name="Key">Stable identifier (retrospective-per-patient, retrospective-per-image, prospective-per-patient).</param>
/// <param name="Title">Human-readable title.</param>
/// <param name="Unit">What one case is: "patient" or "image".</param>
/// <param name="Figures">The published percentages.</param>
/// <param name="Positives">COVID-19 cases in the test set, when published.</param>
/// <param name="Negatives">Control cases in the test set, when published.</param>
/// <param name="Source">Where the figures and sizes are printed.</param>
public sealed record PublishedTable(string Key, string Title, string Unit, PublishedFigures Figures, long Positives, long Negatives, string Source)
{
    /// <summary>All cases: <see cref="Positives"/> + <see cref="Negatives"/>.</summary>
    public long Total => Positives + Negatives;

    /// <summary>Tables consistent with the figures and the published class sizes.</summary>
    public SolverResult SolveWithClassSizes(int closest = 10) => PublishedFigureSolver.Solve(Figures, Positives, Negatives, closest);

    /// <summary>Tables consistent with the figures and only the published total.</summary>
    public SolverResult SolveWithTotal(int closest = 10) => PublishedFigureSolver.SolveForTotal(Figures, Total, closest);
}
