using CovidCt.Data.IO;
using CovidCt.Pipelines.Models;

namespace CovidCt.Cli.Commands;

/// <summary>A model chosen for a run, with the sentence to print when it is not the one asked for.</summary>
internal sealed record ModelChoice(string Path, string? Note);

/// <summary>
/// Finds what the repository ships: the models under <c>models/</c> and the embedded default cohort under
/// <c>datasets/default/</c>, from the working folder (the README runs <c>dotnet run</c> from the repository root) or from the
/// executable's folder (an installed or built <c>covidct</c> started elsewhere), searching upwards from each.
/// </summary>
internal static class ShippedAssets
{
    public const string DefaultModelName = "unetpp-v2.onnx";
    public const string DefaultCohort = "datasets/default/manifest.csv";

    /// <summary>The repository root: the first folder, upwards from the working folder then from the executable, that holds the default cohort; null when none does.</summary>
    public static string? FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, DefaultCohort))) return folder.FullName;
            }
        }
        return null;
    }

    /// <summary>The default cohort's manifest.</summary>
    /// <exception cref="UsageException">When no repository root is found.</exception>
    public static string Cohort() => Path.Combine(RequireRoot("--cohort MANIFEST.csv"), DefaultCohort);

    /// <summary>
    /// The default model, <c>models/unetpp-v2.onnx</c>; when it is not there, the most recently trained model in <c>models/</c>
    /// (by the <c>covidct.trained_utc</c> metadata, then by name), with a note saying so.
    /// </summary>
    /// <exception cref="UsageException">When <c>models/</c> holds no model.</exception>
    public static ModelChoice Model()
    {
        var folder = Path.Combine(RequireRoot("--model M.onnx"), "models");
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

    private static string RequireRoot(string option) => FindRoot()
        ?? throw new UsageException($"the repository's {DefaultCohort} was not found above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}; run from the repository or pass {option}");
}
