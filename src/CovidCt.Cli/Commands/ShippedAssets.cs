using CovidCt.Data.IO;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Workspace;

namespace CovidCt.Cli.Commands;

/// <summary>A model chosen for a run, with the sentence to print when it is not the one asked for.</summary>
internal sealed record ModelChoice(string Path, string? Note);

/// <summary>
/// Finds what the repository ships (see <see cref="RepositoryLayout"/>): the models under <c>models/</c> and the embedded
/// default cohort, from the working folder (the README runs <c>dotnet run</c> from the repository root) or from the
/// executable's folder (an installed or built <c>covidct</c> started elsewhere), searching upwards from each.
/// </summary>
internal static class ShippedAssets
{
    public const string DefaultModelName = "unetpp-v2.onnx";
    public const string DefaultCohort = RepositoryLayout.DefaultCohortManifest;

    /// <summary>The repository upwards from the working folder, else from the executable; null when neither lies in one.</summary>
    public static RepositoryLayout? FindLayout() => RepositoryLayout.Find(Environment.CurrentDirectory, AppContext.BaseDirectory);

    /// <summary>The default cohort's manifest.</summary>
    /// <exception cref="UsageException">When no repository root is found.</exception>
    public static string Cohort() => RequireLayout("--cohort MANIFEST.csv").DefaultCohort;

    /// <summary>
    /// The default model, <c>models/unetpp-v2.onnx</c>; when it is not there, the most recently trained model in <c>models/</c>
    /// (by the <c>covidct.trained_utc</c> metadata, then by name), with a note saying so.
    /// </summary>
    /// <exception cref="UsageException">When <c>models/</c> holds no model.</exception>
    public static ModelChoice Model() => ModelIn(RequireLayout("--model M.onnx").Root);

    /// <summary>The default model of the repository at <paramref name="root"/>, as <see cref="Model()"/>.</summary>
    /// <exception cref="UsageException">When <c>models/</c> holds no model.</exception>
    public static ModelChoice ModelIn(string root)
    {
        var folder = RepositoryLayout.At(root).ModelsFolder;
        var preferred = Path.Combine(folder, DefaultModelName);
        if (File.Exists(preferred)) return new ModelChoice(preferred, null);
        var shipped = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.onnx") : [];
        if (shipped.Length == 0)
        {
            throw new UsageException($"no model in {folder}: the default {DefaultModelName} is not there and no other .onnx file is; pass --model M.onnx");
        }
        var newest = shipped.Select(path => (Path: path, Trained: TrainedUtc(path)))
            .OrderByDescending(m => m.Trained, StringComparer.Ordinal)
            .ThenByDescending(m => System.IO.Path.GetFileName(m.Path), StringComparer.Ordinal)
            .First().Path;
        return new ModelChoice(newest, $"{DefaultModelName} is not in {folder} yet; using the most recently trained shipped model, {System.IO.Path.GetFileName(newest)}.");
    }

    // ISO-8601 UTC stamps sort as text; a model without one (or unreadable) sorts last.
    private static string TrainedUtc(string path)
    {
        try
        {
            return OnnxModelInfo.Read(path).Metadata.GetValueOrDefault(ModelMetadataKeys.TrainedUtc, "");
        }
        catch (InvalidInputException)
        {
            return "";
        }
    }

    private static RepositoryLayout RequireLayout(string option) => FindLayout()
        ?? throw new UsageException($"the repository's {DefaultCohort} was not found above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}; run from the repository or pass {option}");
}
