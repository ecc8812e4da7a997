using System.Text.Json;
using System.Text.Json.Serialization;
using CovidCt.Data.IO;
using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.Models;
using Microsoft.ML;

namespace CovidCt.Pipelines.Definition;

/// <summary>
/// A pipeline as a file: every option, the model path and the model's SHA-256, as JSON (camelCase, enums as names).
/// A reloaded definition builds a pipeline that gives identical results, and refuses a model whose bytes changed.
/// </summary>
public sealed class PipelineDefinition
{
    /// <summary>The only format version written and read.</summary>
    public const int CurrentFormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Format version (1).</summary>
    public int FormatVersion { get; set; } = CurrentFormatVersion;

    /// <summary>The lesion model; a relative path is relative to the definition file's folder.</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the model file.</summary>
    public string ModelSha256 { get; set; } = "";

    /// <summary>SHA-256 of the valid-area segmentation model when the options name one, else null.</summary>
    public string? ValidAreaModelSha256 { get; set; }

    /// <summary>Every step's options.</summary>
    public PipelineOptions Options { get; set; } = new();

    /// <summary>A definition for the model at <paramref name="modelPath"/> (hashed now) with <paramref name="options"/>.</summary>
    /// <exception cref="InvalidInputException">When the model file does not exist.</exception>
    public static PipelineDefinition Create(string modelPath, PipelineOptions? options = null)
    {
        if (!File.Exists(modelPath)) throw new InvalidInputException(modelPath, "model file not found");
        options ??= new PipelineOptions();
        var segmentation = options.ValidArea.SegmentationModelPath;
        if (segmentation is not null && !File.Exists(segmentation)) throw new InvalidInputException(segmentation, "valid-area model file not found");
        return new PipelineDefinition
        {
            ModelPath = modelPath,
            ModelSha256 = OnnxModelInfo.HashFile(modelPath),
            ValidAreaModelSha256 = segmentation is null ? null : OnnxModelInfo.HashFile(segmentation),
            Options = options,
        };
    }

    /// <summary>The definition as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes the definition to <paramref name="path"/> atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson() + "\n");

    /// <summary>Reads a definition; a relative model path is resolved against the file's folder.</summary>
    /// <exception cref="InvalidInputException">When the file is missing, is not valid JSON, has an unknown field, or has another format version.</exception>
    public static PipelineDefinition Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "pipeline definition not found");
        PipelineDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<PipelineDefinition>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(path, $"not a pipeline definition: {e.Message}", e.LineNumber is { } line ? (int)line + 1 : null, e.Path, e);
        }
        if (definition is null) throw new InvalidInputException(path, "the file holds null; expected a pipeline definition object");
        if (definition.FormatVersion != CurrentFormatVersion)
        {
            throw new InvalidInputException(path, $"format version {definition.FormatVersion}; this version reads {CurrentFormatVersion}", field: "formatVersion");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        definition.ModelPath = Path.GetFullPath(definition.ModelPath, folder);
        if (definition.Options.ValidArea.SegmentationModelPath is { } segmentation)
        {
            definition.Options.ValidArea.SegmentationModelPath = Path.GetFullPath(segmentation, folder);
        }
        return definition;
    }

    /// <summary>Checks the model files (lesion model, and valid-area model when set) still have the recorded SHA-256.</summary>
    /// <exception cref="InvalidInputException">When the file is missing or its hash differs.</exception>
    public void VerifyModel()
    {
        Verify(ModelPath, ModelSha256, "modelSha256");
        if (Options.ValidArea.SegmentationModelPath is { } segmentation) Verify(segmentation, ValidAreaModelSha256 ?? "", "validAreaModelSha256");
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

    /// <summary>The pipeline this definition describes, after verifying the model.</summary>
    public DetectionPipeline Build()
    {
        VerifyModel();
        return new DetectionPipeline(ModelPath, Options);
    }

    /// <summary>The ML.NET estimator chain (steps 2 to 7) this definition describes, after verifying the model.</summary>
    public IEstimator<ITransformer> ToEstimator(MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        VerifyModel();
        return context.Transforms.DetectCovidLesions(ModelPath, Options);
    }
}
