using CovidCt.Pipelines.Workspace;

namespace CovidCt.Testing;

/// <summary>Paths inside the repository the tests run from (committed models, the default cohort, fixtures).</summary>
public static class Repository
{
    /// <summary>The repository holding the test binaries, found as the product finds it.</summary>
    public static RepositoryLayout Layout { get; } = RepositoryLayout.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"{RepositoryLayout.DefaultCohortManifest} not found above {AppContext.BaseDirectory}");

    /// <summary>The repository root.</summary>
    public static string Root => Layout.Root;

    /// <summary><paramref name="parts"/> joined below <see cref="Root"/>.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);
}
