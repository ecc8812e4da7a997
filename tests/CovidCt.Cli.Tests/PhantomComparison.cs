namespace CovidCt.Cli.Tests;

/// <summary>
/// The set-up the <c>covidct compare</c> tests share: the phantom cohort (<see cref="PhantomCohort"/>), the lesion model (it calls
/// P1 positive) and the silent one (it calls nobody positive), and a probability cache of their own. Each test class makes one
/// per test and disposes it, so every test starts from fresh files.
/// </summary>
public sealed class PhantomComparison : IDisposable
{
    public PhantomComparison()
    {
        Manifest = PhantomCohort.Write(Path.Combine(Models.Folder, "cohort")).Path;
        // Each call writes a new file (its name ends in a fresh id), so each model is written once and named by its file.
        (Lesion, Silent) = (Models.Lesion(32), Models.Silent(32));
    }

    public TestModels Models { get; } = new();

    public string Manifest { get; }

    /// <summary>The lesion model: boxes on the phantom's lesions.</summary>
    public string Lesion { get; }

    /// <summary>The silent model: no box anywhere.</summary>
    public string Silent { get; }

    public string Cache => Path.Combine(Models.Folder, "cache");

    /// <summary><c>covidct compare</c> of the lesion model (A) against the silent one (B) on the phantom cohort.</summary>
    public CliRun Compare(params string[] extra) => CompareModels(Lesion, Silent, extra);

    /// <summary><c>covidct compare</c> of <paramref name="a"/> against <paramref name="b"/> on the phantom cohort.</summary>
    public CliRun CompareModels(string a, string b, params string[] extra) =>
        CliRun.Of(["compare", "--model", a, "--model", b, "--cohort", Manifest, "--cache", Cache, .. extra]);

    public void Dispose() => Models.Dispose();
}
