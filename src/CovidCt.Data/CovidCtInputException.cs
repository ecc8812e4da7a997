namespace CovidCt.Data;

/// <summary>
/// Input that cannot be used as given: names the file, and where known the line and field, and says what was expected.
/// The base of every input error CovidCt raises, so a front end catches one type (the command line maps it to exit code 2).
/// </summary>
public abstract class CovidCtInputException : Exception
{
    /// <summary>Creates an error about <paramref name="file"/>.</summary>
    /// <param name="file">The file (or folder) at fault.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    /// <param name="line">1-based line number, when the input is line-oriented.</param>
    /// <param name="field">Column, header field or tag at fault, when known.</param>
    /// <param name="inner">The lower-level exception, when there is one.</param>
    protected CovidCtInputException(string file, string problem, int? line = null, string? field = null, Exception? inner = null)
        : base(Format(file, problem, line, field), inner)
    {
        File = file;
        Problem = problem;
        Line = line;
        Field = field;
    }

    /// <summary>The file (or folder) at fault.</summary>
    public string File { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Problem { get; }

    /// <summary>1-based line number, or null when not line-oriented.</summary>
    public int? Line { get; }

    /// <summary>Column, header field or tag at fault, or null.</summary>
    public string? Field { get; }

    // "file, line L, field 'F': problem", leaving out what is not known; cohort problems are listed the same way.
    internal static string Format(string file, string problem, int? line, string? field)
    {
        var where = file;
        if (line is not null) where += $", line {line}";
        if (field is not null) where += $", field '{field}'";
        return $"{where}: {problem}";
    }
}
