using System.Globalization;
using System.Security.Cryptography;
using CovidCt.Data.IO;
using Microsoft.ML.OnnxRuntime;

namespace CovidCt.Pipelines.Models;

/// <summary>
/// What an ONNX lesion model expects and declares: its image input (name, shape, layout, channels),
/// its outputs and the <c>covidct.*</c> metadata that supplies the preprocessing defaults.
/// </summary>
public sealed class OnnxModelInfo
{
    private OnnxModelInfo(string path, string sha256, string inputName, long[] inputShape, TensorLayout layout,
        IReadOnlyList<string> outputNames, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        Sha256 = sha256;
        InputName = inputName;
        InputShape = inputShape;
        Layout = layout;
        OutputNames = outputNames;
        Metadata = metadata;
        var (channelAxis, heightAxis, widthAxis) = layout == TensorLayout.Nchw ? (1, 2, 3) : (3, 1, 2);
        Channels = (int)inputShape[channelAxis];
        InputHeight = inputShape[heightAxis] > 0 ? (int)inputShape[heightAxis] : MetadataInt(ModelMetadataKeys.InputHeight);
        InputWidth = inputShape[widthAxis] > 0 ? (int)inputShape[widthAxis] : MetadataInt(ModelMetadataKeys.InputWidth);
        FixedBatchSize = inputShape[0] > 0 ? (int)inputShape[0] : null;
    }

    /// <summary>The model file.</summary>
    public string Path { get; }

    /// <summary>Lower-case hex SHA-256 of the model file: identifies the model in pipeline definitions and caches.</summary>
    public string Sha256 { get; }

    /// <summary>Name of the (single) image input.</summary>
    public string InputName { get; }

    /// <summary>Input shape as declared; -1 marks a dynamic dimension.</summary>
    public IReadOnlyList<long> InputShape { get; }

    /// <summary>Axis order of the input, from <c>covidct.layout</c> when present, else inferred from which axis holds 1 or 3 channels.</summary>
    public TensorLayout Layout { get; }

    /// <summary>Channels the input expects (1, or 3 for models trained on RGB exports).</summary>
    public int Channels { get; }

    /// <summary>Input height in pixels, from the shape or, when that is dynamic, from <c>covidct.input_height</c>.</summary>
    public int InputHeight { get; }

    /// <summary>Input width in pixels, from the shape or, when that is dynamic, from <c>covidct.input_width</c>.</summary>
    public int InputWidth { get; }

    /// <summary>The batch size the model is fixed to, or null when the batch dimension is dynamic.</summary>
    public int? FixedBatchSize { get; }

    /// <summary>Output names in the model's order.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>The model's <c>metadata_props</c>.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>A shape description such as <c>image [N,1,256,256] (NCHW, 1 channel)</c> for error messages and reports.</summary>
    public string InputDescription =>
        $"'{InputName}' [{string.Join(",", InputShape.Select((d, i) => d > 0 ? d.ToString(CultureInfo.InvariantCulture) : i == 0 ? "N" : "?"))}] ({Layout.ToString().ToUpperInvariant()}, {Channels} channel{(Channels == 1 ? "" : "s")})";

    /// <summary>A metadata value parsed as a finite number, or null when the key is absent.</summary>
    /// <exception cref="InvalidInputException">When the value is present but not a finite number.</exception>
    public double? MetadataNumber(string key)
    {
        if (!Metadata.TryGetValue(key, out var text)) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new InvalidInputException(Path, $"metadata '{key}' is '{text}'; expected a finite number", field: key);
        }
        return value;
    }

    // Signatures already read, by full path, size and last write time (a changed file is read again): building a pipeline
    // reads its model's signature more than once (definition, preprocessing step), and each read opens a session.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Path, long Length, DateTime Written), OnnxModelInfo> Signatures = new();

    /// <summary>Reads the model's signature and metadata (once per version of the file).</summary>
    /// <exception cref="InvalidInputException">When the file is missing, is not a loadable ONNX model, or has no usable rank-4 float image input.</exception>
    public static OnnxModelInfo Read(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists) return ReadFile(path);
        var key = (file.FullName, file.Length, file.LastWriteTimeUtc);
        if (Signatures.TryGetValue(key, out var known) && known.Path == path) return known;
        var info = ReadFile(path);
        Signatures[key] = info;
        return info;
    }

    private static OnnxModelInfo ReadFile(string path)
    {
        // Only the signature and metadata are read: no graph optimisation, which would make opening cost as much as a scoring session.
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        using var session = OpenSession(path, options);
        return FromSession(path, session);
    }

    internal static InferenceSession OpenSession(string path, SessionOptions options)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "model file not found");
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidInputException(path, $"not a loadable ONNX model: {e.Message}", inner: e);
        }
    }

    internal static OnnxModelInfo FromSession(string path, InferenceSession session)
    {
        if (session.InputMetadata.Count != 1)
        {
            throw new InvalidInputException(path, $"the model has {session.InputMetadata.Count} inputs ({string.Join(", ", session.InputMetadata.Keys)}); expected exactly one image input");
        }
        var (inputName, input) = session.InputMetadata.First();
        if (!input.IsTensor || input.ElementType != typeof(float) || input.Dimensions.Length != 4)
        {
            throw new InvalidInputException(path, $"input '{inputName}' is {(input.IsTensor ? input.ElementType.Name : "not a tensor")} of rank {input.Dimensions.Length}; expected float32 of rank 4 ([N,C,H,W] or [N,H,W,C])", field: inputName);
        }
        var shape = input.Dimensions.Select(d => (long)d).ToArray();
        var metadata = new Dictionary<string, string>(session.ModelMetadata.CustomMetadataMap, StringComparer.Ordinal);
        var layout = DetectLayout(path, inputName, shape, metadata);
        return new OnnxModelInfo(path, HashFile(path), inputName, shape, layout, session.OutputMetadata.Keys.ToArray(), metadata);
    }

    /// <summary>Lower-case hex SHA-256 of a file's bytes.</summary>
    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static TensorLayout DetectLayout(string path, string inputName, long[] shape, Dictionary<string, string> metadata)
    {
        if (metadata.TryGetValue(ModelMetadataKeys.Layout, out var declared))
        {
            var layout = declared.ToUpperInvariant() switch
            {
                "NCHW" => TensorLayout.Nchw,
                "NHWC" => TensorLayout.Nhwc,
                _ => throw new InvalidInputException(path, $"metadata '{ModelMetadataKeys.Layout}' is '{declared}'; expected NCHW or NHWC", field: ModelMetadataKeys.Layout),
            };
            var channels = shape[layout == TensorLayout.Nchw ? 1 : 3];
            if (channels is not (1 or 3))
            {
                throw new InvalidInputException(path, $"input '{inputName}' has {channels} on the channel axis of its declared {declared} layout; expected 1 or 3", field: inputName);
            }
            return layout;
        }
        if (shape[1] is 1 or 3) return TensorLayout.Nchw;
        if (shape[3] is 1 or 3) return TensorLayout.Nhwc;
        throw new InvalidInputException(path, $"input '{inputName}' has shape [{string.Join(",", shape)}]: neither axis 1 (NCHW) nor axis 3 (NHWC) holds 1 or 3 channels", field: inputName);
    }

    private int MetadataInt(string key)
    {
        var value = MetadataNumber(key)
            ?? throw new InvalidInputException(Path, $"input '{InputName}' has a dynamic image size and the model has no '{key}' metadata; expected a fixed size or that metadata", field: key);
        if (value < 1 || value != Math.Floor(value)) throw new InvalidInputException(Path, $"metadata '{key}' is {value}; expected a positive integer", field: key);
        return (int)value;
    }
}
