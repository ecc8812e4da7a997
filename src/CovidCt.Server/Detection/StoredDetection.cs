using System.Collections.Concurrent;
using CovidCt.Data;
using CovidCt.Pipelines;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Server.Uploads;

namespace CovidCt.Server.Detection;

/// <summary>
/// One upload's result, kept in memory until it expires: the decoded volume (for the red-box figures) and, per model, the
/// probability maps and valid areas, so a change of threshold, minimum size or k re-runs only post-processing and the rule.
/// Nothing from the file's header is kept but the geometry: no patient name, id or birth date.
/// </summary>
internal sealed class StoredDetection
{
    /// <summary>The name results carry instead of anything from the upload.</summary>
    public const string PatientId = "upload";

    private const int MaxRemembered = 64;
    private readonly ConcurrentDictionary<(string Model, RuleSettings Settings), PatientResult> _results = new();

    /// <summary>Keeps <paramref name="upload"/> and its scored models.</summary>
    public StoredDetection(string id, DecodedUpload upload, IReadOnlyList<(ModelSlot Slot, ScoredVolume Scored)> models, DateTimeOffset created, DateTimeOffset expires)
    {
        Id = id;
        Volume = upload.Volume;
        Kind = upload.Kind;
        Notes = upload.Notes;
        // A model's memory warning names the model: one upload may be scored by two.
        Warnings = [.. upload.Warnings, .. models.Select(m => m.Slot.BudgetWarning is { } budget ? $"{m.Slot.Model.Name}: {budget}" : null).OfType<string>()];
        Models = models;
        Created = created;
        Expires = expires;
    }

    /// <summary>The result id: 128 random bits, so one result cannot be guessed from another.</summary>
    public string Id { get; }

    /// <summary>The CT in HU.</summary>
    public CtVolume Volume { get; }

    /// <summary>What was uploaded.</summary>
    public UploadKind Kind { get; }

    /// <summary>Notes about the read.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Warnings about the input, then each scored model's memory warning (named by the model).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The models scored on it, in the order asked for.</summary>
    public IReadOnlyList<(ModelSlot Slot, ScoredVolume Scored)> Models { get; }

    /// <summary>When it was uploaded.</summary>
    public DateTimeOffset Created { get; }

    /// <summary>When it is dropped.</summary>
    public DateTimeOffset Expires { get; }

    /// <summary>The memory it holds: 4 bytes per voxel for the volume, and per model 4 for the map and 1 for the valid area.</summary>
    public long Bytes => (long)Volume.Hounsfield.Length * (4 + 5 * Models.Count);

    /// <summary>
    /// Steps 5 to 8 under <paramref name="settings"/> for the model at <paramref name="modelIndex"/>, through the pipeline's own
    /// <see cref="DetectionPipeline.Detect(SliceDetector, PipelineOptions, string, string, VolumeGeometry, IReadOnlyList{Pipelines.Scoring.ProbabilityMap}, IReadOnlyList{ValidArea})"/>;
    /// remembered, since the page asks for each slice's figure under the same settings.
    /// </summary>
    public PatientResult Result(int modelIndex, RuleSettings settings)
    {
        var (slot, scored) = Models[modelIndex];
        var key = (slot.Model.Name, settings);
        if (_results.TryGetValue(key, out var known)) return known;
        var result = DetectionPipeline.Detect(new SliceDetector(), settings.Apply(slot.Options), PatientId, PatientId, Volume.Geometry, scored.Maps, scored.ValidAreas);
        // A slider dragged across its range asks for many settings; only the recent ones are worth keeping.
        if (_results.Count >= MaxRemembered) _results.Clear();
        _results[key] = result;
        return result;
    }
}
