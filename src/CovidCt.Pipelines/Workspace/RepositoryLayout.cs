namespace CovidCt.Pipelines.Workspace;

/// <summary>
/// Where a CovidCt repository keeps what the product ships and what it caches: the trained models in <c>models/</c>, the
/// embedded default cohort and its spec under <c>datasets/</c>, and the probability maps and full cohorts built on demand
/// under <c>.cache/</c>. The command line, the notebooks and the tests all find the repository through this one class.
/// </summary>
public sealed class RepositoryLayout
{
    /// <summary>The embedded default cohort's manifest, relative to the root; it also marks a folder as a repository root.</summary>
    public const string DefaultCohortManifest = "datasets/default/manifest.csv";

    /// <summary>The spec the default cohort is built from, relative to the root.</summary>
    public const string DefaultCohortSpec = "datasets/specs/default.json";

    private RepositoryLayout(string root) => Root = root;

    /// <summary>The repository root.</summary>
    public string Root { get; }

    /// <summary>The folder of the shipped models, <c>models/</c>.</summary>
    public string ModelsFolder => Path.Combine(Root, "models");

    /// <summary>The embedded default cohort's manifest (its test split only).</summary>
    public string DefaultCohort => Path.Combine(Root, DefaultCohortManifest);

    /// <summary>The spec of the default cohort, from which its train and val splits are built.</summary>
    public string DefaultSpec => Path.Combine(Root, DefaultCohortSpec);

    /// <summary>The folder of everything built on demand and never committed, <c>.cache/</c>.</summary>
    public string CacheFolder => Path.Combine(Root, ".cache");

    /// <summary>
    /// The notebooks' probability-map cache inside the workspace. The command line no longer defaults to it: its cache is the
    /// user's (<see cref="Caching.UserCacheFolder"/>), so maps of private CT stay out of the checkout.
    /// </summary>
    public string ProbabilityMapsFolder => Path.Combine(CacheFolder, "probability-maps");

    /// <summary>Where the full default cohort (train, val and test splits) is built, <c>.cache/cohorts/default</c>.</summary>
    public string FullDefaultCohortFolder => Path.Combine(CacheFolder, "cohorts", "default");

    /// <summary>The layout of the repository rooted at <paramref name="root"/>, whether or not it holds the default cohort.</summary>
    /// <param name="root">The root folder; made absolute.</param>
    public static RepositoryLayout At(string root) => new(Path.GetFullPath(root));

    /// <summary>
    /// The repository holding the first of <paramref name="starts"/> that lies inside one: the nearest folder, upwards from
    /// each start in turn, that holds <see cref="DefaultCohortManifest"/>.
    /// </summary>
    /// <param name="starts">Folders to search upwards from, in order of preference.</param>
    /// <returns>The layout, or null when no start lies inside a repository.</returns>
    public static RepositoryLayout? Find(params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, DefaultCohortManifest))) return new RepositoryLayout(folder.FullName);
            }
        }
        return null;
    }
}
