namespace CovidCt.Pipelines.Caching;

/// <summary>
/// Where the command line caches by default: the user's cache directory, <c>$XDG_CACHE_HOME/covidct</c> or
/// <c>~/.cache/covidct</c>, so maps derived from a researcher's private CT never land in a repository checkout or beside the
/// installed tool.
/// </summary>
public static class UserCacheFolder
{
    /// <summary>The environment variable of the XDG base-directory specification naming the user's cache directory.</summary>
    public const string Variable = "XDG_CACHE_HOME";

    /// <summary>The folder CovidCt caches in, from the environment: <c>$XDG_CACHE_HOME/covidct</c>, else <c>~/.cache/covidct</c>.</summary>
    public static string Resolve() => Resolve(Environment.GetEnvironmentVariable(Variable), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>
    /// The folder CovidCt caches in: <paramref name="xdgCacheHome"/>/covidct when it is an absolute path (the specification
    /// says a relative one is to be ignored), else <paramref name="home"/>/.cache/covidct.
    /// </summary>
    public static string Resolve(string? xdgCacheHome, string home) =>
        xdgCacheHome is { Length: > 0 } && Path.IsPathFullyQualified(xdgCacheHome)
            ? Path.Combine(xdgCacheHome, "covidct")
            : Path.Combine(home, ".cache", "covidct");

    /// <summary>The default probability-map cache of <c>covidct evaluate</c>, <c>compare</c> and <c>sweep</c>: <see cref="Resolve()"/>/probability-maps.</summary>
    public static string ProbabilityMaps() => Path.Combine(Resolve(), "probability-maps");
}
