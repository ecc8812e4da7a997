using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Caching;

namespace CovidCt.Interactive.Workspace;

/// <summary>
/// What a reader needs to reproduce a notebook's numbers: the platform's and its libraries' versions, the runtime, and, when
/// given, the model file's SHA-256 and the cohort's fingerprint (the keys of the probability-map cache).
/// </summary>
public static class Reproducibility
{
    private static readonly (string Name, string Assembly)[] Libraries =
    [
        ("ML.NET", "Microsoft.ML.Core"), ("ONNX Runtime", "Microsoft.ML.OnnxRuntime"), ("SkiaSharp", "SkiaSharp"),
        ("MathNet.Numerics", "MathNet.Numerics"), ("Plotly.NET (plotly.js source)", "Plotly.NET"),
    ];

    /// <summary>The record, one item per line.</summary>
    /// <exception cref="FileNotFoundException">When <paramref name="modelPath"/> is given but missing.</exception>
    public static ReproducibilityRecord Record(string? modelPath = null, CohortManifest? manifest = null)
    {
        var items = new List<ReproducibilityItem>
        {
            new("CovidCt", Version(typeof(CohortFingerprint).Assembly)),
            new(".NET", RuntimeInformation.FrameworkDescription),
            new("operating system", $"{RuntimeInformation.OSDescription} ({RuntimeInformation.RuntimeIdentifier})"),
        };
        items.AddRange(Libraries.Select(l => new ReproducibilityItem(l.Name, LibraryVersion(l.Assembly))));
        if (modelPath is not null)
        {
            if (!File.Exists(modelPath)) throw new FileNotFoundException($"model file {modelPath} does not exist", modelPath);
            using var stream = File.OpenRead(modelPath);
            items.Add(new("model", Path.GetFullPath(modelPath)));
            items.Add(new("model SHA-256", Convert.ToHexStringLower(SHA256.HashData(stream))));
        }
        if (manifest is not null)
        {
            items.Add(new("cohort", manifest.Path));
            items.Add(new("cohort fingerprint", CohortFingerprint.Compute(manifest)));
        }
        return new ReproducibilityRecord(items);
    }

    // Never Assembly.Load by name here: inside a notebook kernel that loads a second copy in another load context, and the
    // pipeline's types then fail to load. A loaded copy answers; otherwise the file beside this library.
    private static string LibraryVersion(string assembly)
    {
        if (AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == assembly) is { } loaded) return Version(loaded);
        var folder = Path.GetDirectoryName(typeof(Reproducibility).Assembly.Location);
        var file = string.IsNullOrEmpty(folder) ? null : Path.Combine(folder, assembly + ".dll");
        return file is not null && File.Exists(file)
            ? FileVersionInfo.GetVersionInfo(file).ProductVersion ?? "unknown"
            : $"not found beside {typeof(Reproducibility).Assembly.GetName().Name}";
    }

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
