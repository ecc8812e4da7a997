namespace CovidCt.Tests.Shared;

/// <summary>Paths inside the repository the tests run from (committed models, the default cohort, fixtures).</summary>
internal static class Repository
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds CovidCt.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><paramref name="parts"/> joined below <see cref="Root"/>.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "CovidCt.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"CovidCt.sln not found above {AppContext.BaseDirectory}");
    }
}
