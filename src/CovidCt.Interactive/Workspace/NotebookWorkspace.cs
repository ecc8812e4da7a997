using System.Text.Json;
using CovidCt.Data.Cohorts;
using CovidCt.Data.Synthesis;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Workspace;

namespace CovidCt.Interactive.Workspace;

/// <summary>
/// Where a notebook finds the repository's models, cohorts and caches, so every notebook resolves them the same way, and
/// as the command line does (<see cref="RepositoryLayout"/>): the repository root is the first folder, upwards from the
/// working folder, that holds the embedded default cohort.
/// </summary>
public sealed class NotebookWorkspace
{
    /// <summary>The environment variable that replaces the default cohort: a manifest path, relative to the repository root or absolute.</summary>
    public const string CohortVariable = "COVIDCT_NOTEBOOK_COHORT";

    private NotebookWorkspace(RepositoryLayout layout) => Layout = layout;

    /// <summary>The repository's folders and files.</summary>
    public RepositoryLayout Layout { get; }

    /// <summary>The repository root.</summary>
    public string Root => Layout.Root;

    /// <summary>The probability-map cache folder, shared with <c>covidct evaluate</c> and <c>covidct sweep</c>.</summary>
    public string CacheFolder => Layout.ProbabilityMapsFolder;

    /// <summary>The workspace of the repository holding <paramref name="start"/> (default: the working folder).</summary>
    /// <exception cref="DirectoryNotFoundException">No folder upwards holds <c>datasets/default/manifest.csv</c>.</exception>
    public static NotebookWorkspace Find(string? start = null)
    {
        var first = Path.GetFullPath(start ?? Environment.CurrentDirectory);
        return new NotebookWorkspace(RepositoryLayout.Find(first)
            ?? throw new DirectoryNotFoundException($"no folder from {first} upwards holds {RepositoryLayout.DefaultCohortManifest}: run the notebook from the repository's notebooks/ folder"));
    }

    /// <summary>The path of <c>models/<paramref name="name"/>.onnx</c>.</summary>
    /// <exception cref="FileNotFoundException">The model is not there.</exception>
    public string Model(string name)
    {
        var path = Path.Combine(Layout.ModelsFolder, name + ".onnx");
        return File.Exists(path) ? path : throw new FileNotFoundException($"no model '{name}' in {Layout.ModelsFolder}", path);
    }

    /// <summary>
    /// The cohort a notebook evaluates: the manifest named by <see cref="CohortVariable"/> when it is set, otherwise the
    /// embedded default cohort (its test split only).
    /// </summary>
    /// <exception cref="CohortValidationException">The manifest is broken.</exception>
    public CohortManifest Cohort() => CohortManifest.Load(Override() ?? Layout.DefaultCohort);

    /// <summary>
    /// A cohort with a validation and a test split, for tuning: the manifest named by <see cref="CohortVariable"/> when it is
    /// set; otherwise the full default cohort under <c>.cache/cohorts/default</c>, built from <c>datasets/specs/default.json</c>
    /// (as <c>covidct cohort build</c> does, without contact sheets) when it is missing or was built from another spec or generator.
    /// </summary>
    /// <exception cref="CohortValidationException">The manifest is broken.</exception>
    public CohortManifest TuningCohort()
    {
        if (Override() is { } path) return CohortManifest.Load(path);
        var spec = CohortSpec.Load(Layout.DefaultSpec);
        var folder = Layout.FullDefaultCohortFolder;
        var manifest = Path.Combine(folder, "manifest.csv");
        if (!File.Exists(manifest) || !IsFullBuildOf(spec, Path.Combine(folder, "cohort-card.json")))
        {
            manifest = CohortBuilder.Build(spec, folder, new CohortBuildOptions(ContactSheets: false)).Manifest;
        }
        return CohortManifest.Load(manifest);
    }

    /// <summary>The probability-map cache of <paramref name="pipeline"/>'s model on <paramref name="manifest"/>: the model runs once per patient, ever.</summary>
    public ProbabilityMapCache Cache(DetectionPipeline pipeline, CohortManifest manifest) =>
        new(CacheFolder, ProbabilityCacheKey.For(pipeline, CohortFingerprint.Compute(manifest)));

    private string? Override() =>
        Environment.GetEnvironmentVariable(CohortVariable) is { Length: > 0 } value ? Path.GetFullPath(value, Root) : null;

    // A cohort built earlier is reused only when its card names this spec, this generator and every split.
    private static bool IsFullBuildOf(CohortSpec spec, string cardPath)
    {
        if (!File.Exists(cardPath)) return false;
        using var card = JsonDocument.Parse(File.ReadAllBytes(cardPath));
        var root = card.RootElement;
        return root.TryGetProperty("spec_sha256", out var sha) && sha.GetString() == spec.Sha256
            && root.TryGetProperty("generator", out var generator) && generator.GetString() == CohortCard.GeneratorVersion
            && root.TryGetProperty("splits_built", out var splits) && splits.GetArrayLength() == 3;
    }
}
