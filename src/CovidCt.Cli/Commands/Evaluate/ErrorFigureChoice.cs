namespace CovidCt.Cli.Commands;

/// <summary>The values of <c>evaluate --figures</c>: which red-box figures the run draws.</summary>
internal static class ErrorFigureChoice
{
    /// <summary>Every wrong slice, into figures/ and report.html's gallery (the default).</summary>
    public const string Errors = "errors";

    /// <summary>None: drawing costs CPU beside the model, and a sweep of runs may not need the pictures.</summary>
    public const string None = "none";
}
