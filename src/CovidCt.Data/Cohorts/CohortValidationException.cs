namespace CovidCt.Data.Cohorts;

/// <summary>A manifest with problems; lists every one found, not only the first.</summary>
public sealed class CohortValidationException : Exception
{
    /// <summary>Creates the exception for the manifest at <paramref name="manifestPath"/>.</summary>
    public CohortValidationException(string manifestPath, IReadOnlyList<CohortProblem> problems)
        : base($"{manifestPath}: {problems.Count} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        ManifestPath = manifestPath;
        Problems = problems;
    }

    /// <summary>The manifest that failed validation.</summary>
    public string ManifestPath { get; }

    /// <summary>Every problem found, in manifest order.</summary>
    public IReadOnlyList<CohortProblem> Problems { get; }
}
