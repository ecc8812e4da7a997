namespace CovidCt.Data.IO;

/// <summary>
/// One unusable input (a file, a header field, a CSV line, a DICOM tag, a model): names the file, and where known the
/// line and field, and says what was expected.
/// </summary>
public sealed class InvalidInputException : CovidCtInputException
{
    /// <summary>Creates an error about <paramref name="file"/>.</summary>
    /// <param name="file">The file (or folder) at fault.</param>
    /// <param name="problem">What is wrong and what was expected, as one sentence.</param>
    /// <param name="line">1-based line number, when the input is line-oriented.</param>
    /// <param name="field">Column, header field or tag at fault, when known.</param>
    /// <param name="inner">The lower-level exception, when there is one.</param>
    public InvalidInputException(string file, string problem, int? line = null, string? field = null, Exception? inner = null)
        : base(file, problem, line, field, inner)
    {
    }
}
