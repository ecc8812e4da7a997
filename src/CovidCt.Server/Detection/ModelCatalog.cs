using CovidCt.Data;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Models;

namespace CovidCt.Server.Detection;

/// <summary>One model offered by the server.</summary>
/// <param name="Name">The file name without .onnx (what an upload's <c>model</c> field names).</param>
/// <param name="Path">The model file.</param>
/// <param name="Sha256">Its SHA-256.</param>
/// <param name="Architecture">The covidct.architecture metadata, or null.</param>
/// <param name="Version">The covidct.version metadata, or null.</param>
/// <param name="TrainedUtc">The covidct.trained_utc metadata, or null.</param>
/// <param name="IsDefault">True for the model used when an upload names none.</param>
internal sealed record ModelEntry(string Name, string Path, string Sha256, string? Architecture, string? Version, string? TrainedUtc, bool IsDefault);

/// <summary>
/// The models the server offers: every *.onnx in the models folder when the server starts (so a newly shipped model appears by
/// itself), each opened once as the one detection pipeline (<see cref="PipelineDefinition.Build"/>, as <c>covidct detect</c> does)
/// the first time it is asked for.
/// </summary>
internal sealed class ModelCatalog : IDisposable
{
    private readonly Dictionary<string, Lazy<ModelSlot>> _slots;

    /// <summary>Lists the models of <paramref name="options"/>' folder.</summary>
    /// <exception cref="InvalidOperationException">When the folder holds no model, or not the default one.</exception>
    public ModelCatalog(ServeOptions options)
    {
        var files = Directory.Exists(options.ModelsFolder) ? Directory.GetFiles(options.ModelsFolder, "*.onnx").Order(StringComparer.Ordinal).ToArray() : [];
        Models = files.Select(f => Describe(f, options.DefaultModel)).ToArray();
        if (!Models.Any(m => m.IsDefault))
        {
            throw new InvalidOperationException($"the default model {options.DefaultModel}.onnx is not in {options.ModelsFolder}; models there: {string.Join(", ", Models.Select(m => m.Name))}");
        }
        _slots = Models.ToDictionary(m => m.Name, m => new Lazy<ModelSlot>(() => new ModelSlot(m, PipelineDefinition.Create(m.Path).Build())), StringComparer.Ordinal);
    }

    /// <summary>The models, by name.</summary>
    public IReadOnlyList<ModelEntry> Models { get; }

    /// <summary>The default model's name.</summary>
    public string DefaultName => Models.First(m => m.IsDefault).Name;

    /// <summary>The opened pipeline of the model called <paramref name="name"/>, or null when there is no such model.</summary>
    public ModelSlot? Slot(string name) => _slots.TryGetValue(name, out var slot) ? slot.Value : null;

    private static ModelEntry Describe(string path, string defaultName)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        try
        {
            var info = OnnxModelInfo.Read(path);
            string? Meta(string key) => info.Metadata.TryGetValue(key, out var value) ? value : null;
            return new ModelEntry(name, path, info.Sha256, Meta(ModelMetadataKeys.Architecture), Meta(ModelMetadataKeys.Version), Meta(ModelMetadataKeys.TrainedUtc), name == defaultName);
        }
        catch (CovidCtInputException e)
        {
            throw new InvalidOperationException($"the model {path} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Releases the opened model sessions.</summary>
    public void Dispose()
    {
        foreach (var slot in _slots.Values.Where(s => s.IsValueCreated)) slot.Value.Dispose();
    }
}
