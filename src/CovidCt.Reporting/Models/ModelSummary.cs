using System.Globalization;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Reporting.Models;

/// <summary>
/// What a researcher needs to know before evaluating an ONNX model: its input and outputs as the graph declares them, how its
/// input will be made (layout, channels, size, window, output activation), and for each value whether it comes from the model
/// graph, from the model's <c>covidct.*</c> metadata, or is assumed (the study's value, because the model says nothing).
/// </summary>
/// <param name="Path">The model file.</param>
/// <param name="Rows">One row per fact, in reading order.</param>
public sealed record ModelSummary(string Path, IReadOnlyList<ModelSummaryRow> Rows)
{
    /// <summary>The source of a value read from the graph.</summary>
    public const string FromGraph = "model graph";

    /// <summary>The source of a value read from <c>metadata_props</c>.</summary>
    public const string FromMetadata = "metadata";

    /// <summary>The source of a value the platform assumes because the model does not declare it.</summary>
    public const string Assumed = "assumed";

    /// <summary>The rows whose value is assumed: each is a place where a model without metadata silently gets the study's choice.</summary>
    public IReadOnlyList<ModelSummaryRow> AssumedRows => Rows.Where(r => r.Source == Assumed).ToArray();

    /// <summary>The summary of <paramref name="model"/> (read with <see cref="OnnxModelInfo.Read"/>).</summary>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">When a metadata value that decides the input is malformed.</exception>
    public static ModelSummary Of(OnnxModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var c = CultureInfo.InvariantCulture;
        var m = model.Metadata;
        string? Meta(string key) => m.TryGetValue(key, out var v) ? v : null;
        var rows = new List<ModelSummaryRow>
        {
            new("File", $"{model.Path} (SHA-256 {model.Sha256[..12]}…)", FromGraph),
            new("Architecture / version", Meta(ModelMetadataKeys.Architecture) is { } a ? $"{a} {Meta(ModelMetadataKeys.Version) ?? "(no version)"}" : "not declared", Meta(ModelMetadataKeys.Architecture) is null ? Assumed : FromMetadata),
            new("Input", model.InputDescription, FromGraph),
            new("Layout", model.Layout.ToString().ToUpperInvariant(), Meta(ModelMetadataKeys.Layout) is null ? FromGraph : FromMetadata),
            new("Channels", model.Channels == 1 ? "1 (grey)" : "3 (the grey slice repeated in each)", FromGraph),
            new("Input size", string.Create(c, $"{model.InputWidth} × {model.InputHeight} pixels"), model.InputShape[model.Layout == TensorLayout.Nchw ? 2 : 1] > 0 ? FromGraph : FromMetadata),
            new("Batch", model.FixedBatchSize is { } n ? string.Create(c, $"fixed at {n}") : "dynamic", FromGraph),
            new("Outputs", string.Join(", ", model.OutputNames) + (model.OutputNames.Count > 1 ? " (the first is the lesion map)" : ""), FromGraph),
            Meta(ModelMetadataKeys.OutputActivation) is { } activation
                ? new("Output activation", activation == "sigmoid" ? "sigmoid applied by the platform (the model outputs logits)" : $"{activation}: outputs are probabilities in [0, 1]", FromMetadata)
                : new("Output activation", "none: outputs are taken as probabilities in [0, 1] (a logit output is refused when scored)", Assumed),
            Window("Window width", model.MetadataNumber(ModelMetadataKeys.WindowWidth), ImagePreprocessing.StudyWindowWidth, c),
            Window("Window level", model.MetadataNumber(ModelMetadataKeys.WindowLevel), ImagePreprocessing.StudyWindowLevel, c),
            new("Trained on", Meta(ModelMetadataKeys.CohortSpecSha256) is { } spec ? $"cohort spec {spec[..Math.Min(12, spec.Length)]}…, {Meta(ModelMetadataKeys.TrainedUtc) ?? "date not declared"}" : "not declared", Meta(ModelMetadataKeys.CohortSpecSha256) is null ? Assumed : FromMetadata),
        };
        foreach (var legacy in new[] { "covidct.threshold", "covidct.min_pixels" }.Where(m.ContainsKey))
        {
            rows.Add(new($"{legacy} (ignored)", $"{m[legacy]}: the operating point belongs to the pipeline (pipeline.json), not the model", FromMetadata));
        }
        var known = typeof(ModelMetadataKeys).GetFields().Select(f => (string)f.GetValue(null)!).Concat(["covidct.threshold", "covidct.min_pixels"]).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in m.Where(p => !known.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            rows.Add(new(key, value, FromMetadata));
        }
        return new ModelSummary(model.Path, rows);
    }

    private static ModelSummaryRow Window(string item, double? declared, double study, CultureInfo c) => declared is { } value
        ? new(item, string.Create(c, $"{value:0.##} HU"), FromMetadata)
        : new(item, string.Create(c, $"{study:0.##} HU (the study's lung window)"), Assumed);
}

/// <summary>One fact of a <see cref="ModelSummary"/>.</summary>
/// <param name="Item">What it is, e.g. "Window width".</param>
/// <param name="Value">Its value as shown.</param>
/// <param name="Source"><see cref="ModelSummary.FromGraph"/>, <see cref="ModelSummary.FromMetadata"/> or <see cref="ModelSummary.Assumed"/>.</param>
public sealed record ModelSummaryRow(string Item, string Value, string Source);
