using System.Text.Json;
using System.Text.Json.Serialization;
using CovidCt.Data.IO;
using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CovidCt.Pipelines.Definition;

/// <summary>
/// The full description of a run, as a file (<c>pipeline.json</c>): every option of every step, the model path and SHA-256
/// (and the segmentation model's), and the values resolved from them (window, input size, layout, channels, outputs read),
/// as snake_case JSON with a <c>schema_version</c>. The ML.NET chain is built from it
/// (<see cref="CovidCtCatalog.DetectCovidLesions(PipelineDefinition, Caching.ProbabilityCacheOptions)"/>); a reloaded definition
/// builds a pipeline that gives identical results, and refuses a model whose bytes changed.
/// </summary>
/// <remarks>
/// Resolution order, once for every setting that a model may declare: the options, then the model's <c>covidct.*</c>
/// metadata, then the study. Only preprocessing is declared by models (window, input size, layout, channels); the
/// post-processing operating point (threshold, minimum size, k, quadrant rule) is the options' alone, so a tuned one travels
/// in this file, never in a model.
/// </remarks>
public sealed class PipelineDefinition
{
    /// <summary>The only schema version written and read.</summary>
    public const int CurrentSchemaVersion = 2;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Schema version (2).</summary>
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>The lesion model; a relative path is relative to the definition file's folder.</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the model file.</summary>
    public string ModelSha256 { get; set; } = "";

    /// <summary>SHA-256 of the valid-area segmentation model when the options name one, else null.</summary>
    public string? ValidAreaModelSha256 { get; set; }

    /// <summary>Every step's options.</summary>
    public PipelineOptions Options { get; set; } = new();

    /// <summary>What the options resolve to with this model (recorded for people and provenance; recomputed when the pipeline is built).</summary>
    public ResolvedSettings? Resolved { get; set; }

    /// <summary>A definition for the model at <paramref name="modelPath"/> (hashed and read now) with <paramref name="options"/>.</summary>
    /// <exception cref="InvalidInputException">When the model file does not exist, cannot be read or contradicts the options.</exception>
    public static PipelineDefinition Create(string modelPath, PipelineOptions? options = null)
    {
        if (!File.Exists(modelPath)) throw new InvalidInputException(modelPath, "model file not found");
        options ??= new PipelineOptions();
        var segmentation = options.ValidArea.SegmentationModelPath;
        if (segmentation is not null && !File.Exists(segmentation)) throw new InvalidInputException(segmentation, "valid-area model file not found");
        var model = OnnxModelInfo.Read(modelPath);
        return new PipelineDefinition
        {
            ModelPath = modelPath,
            ModelSha256 = model.Sha256,
            ValidAreaModelSha256 = segmentation is null ? null : OnnxModelInfo.HashFile(segmentation),
            Options = options,
            Resolved = ResolvedSettings.Of(ImagePreprocessing.Resolve(options.Preprocessing, model), BatchedOnnxScorer.SelectOutputs(model, options.Scoring)),
        };
    }

    /// <summary>The definition as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary><paramref name="options"/> as pipeline.json writes them: equal text, equal pipeline.</summary>
    internal static string OptionsJson(PipelineOptions options) => JsonSerializer.Serialize(options, Json);

    /// <summary>Writes the definition to <paramref name="path"/> atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson() + "\n");

    /// <summary>Reads a definition; a relative model path is resolved against the file's folder.</summary>
    /// <exception cref="InvalidInputException">
    /// When the file is missing, is not valid JSON, has an unknown field, has another schema version, holds an option out of
    /// range, or does not state its framing (<c>options.preprocessing.framing</c>: a file written before body framing existed).
    /// </exception>
    public static PipelineDefinition Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "pipeline definition not found");
        PipelineDefinition? definition;
        var text = File.ReadAllText(path);
        try
        {
            definition = JsonSerializer.Deserialize<PipelineDefinition>(text, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(path, $"not a pipeline definition: {e.Message}", e.LineNumber is { } line ? (int)line + 1 : null, e.Path, e);
        }
        if (definition is null) throw new InvalidInputException(path, "the file holds null; expected a pipeline definition object");
        if (definition.SchemaVersion != CurrentSchemaVersion)
        {
            throw new InvalidInputException(path, $"schema version {definition.SchemaVersion}; this version reads {CurrentSchemaVersion}", field: "schema_version");
        }
        if (definition.Options is null) throw new InvalidInputException(path, "options is null; expected every step's options", field: "options");
        try
        {
            definition.Options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException(path, e.Message, field: "options");
        }
        if (!StatesFraming(text)) throw new InvalidInputException(path, MissingFraming, field: "options.preprocessing.framing");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        definition.ModelPath = Path.GetFullPath(definition.ModelPath, folder);
        if (definition.Options.ValidArea.SegmentationModelPath is { } segmentation)
        {
            definition.Options.ValidArea.SegmentationModelPath = Path.GetFullPath(segmentation, folder);
        }
        return definition;
    }

    /// <summary>
    /// Why a definition without <c>options.preprocessing.framing</c> is refused rather than run with a default: such a file was
    /// written before body framing existed, when the model saw the whole slice, so neither value is certain to be the run it
    /// describes, and the two give other maps (docs/pipeline.md, "pipeline.json").
    /// </summary>
    internal const string MissingFraming =
        "has no options.preprocessing.framing, so it was written before body framing existed (the model then saw the whole slice); "
        + "state the framing in its preprocessing: \"framing\": \"image\" to run it as it was written, or \"framing\": \"body\" for the patient framed on its body (the default of new runs)";

    // True when the file's JSON names the framing (the deserializer cannot tell a missing member from its default).
    private static bool StatesFraming(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object
            && options.TryGetProperty("preprocessing", out var preprocessing) && preprocessing.ValueKind == JsonValueKind.Object
            && preprocessing.TryGetProperty("framing", out var framing) && framing.ValueKind == JsonValueKind.String;
    }

    /// <summary>Checks the model files (lesion model, and valid-area model when set) still have the recorded SHA-256.</summary>
    /// <exception cref="InvalidInputException">When the file is missing or its hash differs.</exception>
    public void VerifyModel()
    {
        Verify(ModelPath, ModelSha256, "model_sha256");
        if (Options.ValidArea.SegmentationModelPath is { } segmentation) Verify(segmentation, ValidAreaModelSha256 ?? "", "valid_area_model_sha256");
    }

    private static void Verify(string path, string expected, string field)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "model file not found");
        var actual = OnnxModelInfo.HashFile(path);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidInputException(path, $"the model's SHA-256 is {actual} but the pipeline definition expects {(expected.Length == 0 ? "none" : expected)}; the file changed since the definition was written", field: field);
        }
    }

    /// <summary>The one-patient facade over the same steps, as this definition describes it, after verifying the model.</summary>
    public DetectionPipeline Build()
    {
        VerifyModel();
        return new DetectionPipeline(ModelPath, Options);
    }

    /// <summary>The ML.NET estimator chain (steps 2 to 8) this definition describes on <paramref name="context"/>, after verifying the model.</summary>
    /// <exception cref="InvalidInputException">When a model is missing or changed.</exception>
    public EstimatorChain<PatientRuleTransformer> ToEstimator(MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CovidCt().DetectCovidLesions(this);
    }
}
