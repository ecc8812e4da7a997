namespace CovidCt.Cli.Tests;

/// <summary>
/// The phantom cohort (<see cref="PhantomCohort"/>) written for one test, with the tiny test models, an output folder and a
/// probability cache beside it, and the command line run on it.
/// </summary>
internal sealed class PhantomCohortRun : IDisposable
{
    public PhantomCohortRun()
    {
        Manifest = PhantomCohort.Write(Path.Combine(Models.Folder, "cohort")).Path;
        Out = Path.Combine(Models.Folder, "out");
        Cache = Path.Combine(Models.Folder, "cache");
    }

    public TestModels Models { get; } = new();

    /// <summary>The cohort's manifest.csv.</summary>
    public string Manifest { get; }

    /// <summary>The folder given as <c>--out</c>.</summary>
    public string Out { get; }

    /// <summary>The folder given as <c>--cache</c>, so no test reads or writes the user's cache.</summary>
    public string Cache { get; }

    /// <summary><paramref name="command"/> with <paramref name="model"/> on the cohort, writing to <see cref="Out"/>.</summary>
    public CliRun Run(string command, string model, params string[] extra) =>
        CliRun.Of([command, "--model", model, "--cohort", Manifest, "--out", Out, "--cache", Cache, .. extra]);

    /// <summary><c>covidct evaluate</c> with <paramref name="model"/> on the cohort.</summary>
    public CliRun Evaluate(string model, params string[] extra) => Run("evaluate", model, extra);

    public void Dispose() => Models.Dispose();
}
