using System.Runtime.InteropServices;
using CovidCt.Data.IO;
using CovidCt.Pipelines.Models.Quantization.Onnx;
using Google.Protobuf;

namespace CovidCt.Pipelines.Models.Quantization;

/// <summary>An ONNX model file as protobuf messages (onnx.proto3), and the tensors the quantiser reads and writes.</summary>
internal static class OnnxModelFile
{
    /// <summary>The model at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">When the file is missing or is not an ONNX protobuf.</exception>
    public static ModelProto Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "model file not found");
        try
        {
            using var stream = File.OpenRead(path);
            return ModelProto.Parser.ParseFrom(stream);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidInputException(path, $"not an ONNX model: its protobuf could not be read ({e.Message})", inner: e);
        }
    }

    /// <summary>The float values of an initializer, whether stored as raw bytes or as float_data.</summary>
    /// <exception cref="InvalidInputException">When the tensor is not float32 or lives in an external data file.</exception>
    public static float[] Floats(TensorProto tensor, string modelPath)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new InvalidInputException(modelPath, $"initializer '{tensor.Name}' has ONNX data type {tensor.DataType}; expected float32 (1)", field: tensor.Name);
        }
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
        {
            throw new InvalidInputException(modelPath, $"initializer '{tensor.Name}' is stored in an external data file; expected the weights inside the model (re-export without external data)", field: tensor.Name);
        }
        return tensor.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray() : tensor.FloatData.ToArray();
    }

    /// <summary>A float32 tensor of <paramref name="dims"/> (empty for a scalar).</summary>
    public static TensorProto FloatTensor(string name, IEnumerable<long> dims, ReadOnlySpan<float> values) =>
        Tensor(name, dims, TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(values));

    /// <summary>An int8 tensor (quantised weights, per-channel zero points).</summary>
    public static TensorProto Int8Tensor(string name, IEnumerable<long> dims, ReadOnlySpan<sbyte> values) =>
        Tensor(name, dims, TensorProto.Types.DataType.Int8, MemoryMarshal.AsBytes(values));

    /// <summary>An int32 tensor (quantised bias and its zero points).</summary>
    public static TensorProto Int32Tensor(string name, IEnumerable<long> dims, ReadOnlySpan<int> values) =>
        Tensor(name, dims, TensorProto.Types.DataType.Int32, MemoryMarshal.AsBytes(values));

    /// <summary>A uint8 scalar (an activation's zero point).</summary>
    public static TensorProto UInt8Scalar(string name, byte value) => Tensor(name, [], TensorProto.Types.DataType.Uint8, [value]);

    // raw_data is little-endian by the ONNX specification, which is this machine's order (x86-64, ARM64).
    private static TensorProto Tensor(string name, IEnumerable<long> dims, TensorProto.Types.DataType type, ReadOnlySpan<byte> bytes)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    /// <summary>A node of the default ONNX domain.</summary>
    public static NodeProto Node(string opType, string name, IEnumerable<string> inputs, string output, int? axis = null)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        if (axis is { } a) node.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = a });
        return node;
    }
}
