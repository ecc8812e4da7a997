namespace CovidCt.Data.Cohorts;

/// <summary>A manifest with problems; lists every one found, not only the first, each with its file, line and field.</summary>
public sealed class CohortValidationException : CovidCtInputException
{
    /// <summary>Creates the exception for the manifest at <paramref name="manifestPath"/>.</summary>
    /// <param name="manifestPath">The manifest that failed validation.</param>
    /// <param name="problems">Every problem found, in manifest order.</param>
    public CohortValidationException(string manifestPath, IReadOnlyList<CohortProblem> problems)
        : base(manifestPath, $"{problems.Count} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Problems = problems;
    }

    /// <summary>The manifest that failed validation.</summary>
    public string ManifestPath => File;

    /// <summary>Every problem found, in manifest order.</summary>
    public IReadOnlyList<CohortProblem> Problems { get; }
}
