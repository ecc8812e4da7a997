using CovidCt.Pipelines.Evaluation;

namespace CovidCt.Reporting.Runs;

/// <summary>
/// One model evaluated on one cohort, under the name tables and comparisons show. The CLI and the notebooks both use this type;
/// <see cref="Provenance"/> (model file, full pipeline definition, probability cache) is what metrics.json and report.html need.
/// </summary>
/// <param name="Name">The model's name, e.g. <c>unetpp-v2</c>.</param>
/// <param name="Evaluation">Per-image and per-patient tables and ROC curves.</param>
public sealed record ModelRun(string Name, PipelineEvaluation Evaluation)
{
    /// <summary>Where the run came from; null for an evaluation built without a model file (e.g. in a test).</summary>
    public RunProvenance? Provenance { get; init; }

    /// <summary>Lesion-level results (hit rate, false positives per image, FROC, Dice, IoU), or null when they were not collected.</summary>
    public LesionEvaluation? Lesions { get; init; }

    /// <summary>A post-processing sweep of the same maps, or null: when set, report.html carries the live operating-point explorer (<see cref="Explorer.OperatingPointExplorer"/>).</summary>
    public Pipelines.Sweeps.SweepResult? Sweep { get; init; }

    /// <summary>
    /// What the run warned about while it went, one sentence each (a case body framing could not frame, a poor per-image window
    /// fit); metrics.json's <c>warnings</c> and report.html show them beside the numbers they qualify.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The provenance, or an error naming the run when it has none.</summary>
    /// <exception cref="InvalidOperationException">The run was made without provenance.</exception>
    public RunProvenance RequireProvenance() => Provenance
        ?? throw new InvalidOperationException($"run '{Name}' has no provenance (model file and pipeline definition); create it with ModelRun.Describe or set Provenance");

    /// <summary>Model file names without extension, unless two are the same: then the full paths, so every name is distinct.</summary>
    public static IReadOnlyList<string> NamesOf(IReadOnlyList<string> modelPaths)
    {
        ArgumentNullException.ThrowIfNull(modelPaths);
        var names = modelPaths.Select(Path.GetFileNameWithoutExtension).Select(n => n ?? "").ToArray();
        return names.Distinct(StringComparer.Ordinal).Count() == names.Length ? names : modelPaths.ToArray();
    }
}
