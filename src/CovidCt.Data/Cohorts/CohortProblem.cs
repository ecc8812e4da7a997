namespace CovidCt.Data.Cohorts;

/// <summary>One problem found while validating a manifest.</summary>
/// <param name="File">The file at fault: the manifest, or an image or mask it names.</param>
/// <param name="Line">The manifest line, when the problem belongs to a row.</param>
/// <param name="Field">The manifest column, when known.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record CohortProblem(string File, int? Line, string? Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => CovidCtInputException.Format(File, Message, Line, Field);
}
