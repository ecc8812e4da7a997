using CovidCt.Pipelines.Models.Quantization.Onnx;

namespace CovidCt.Pipelines.Models.Quantization;

/// <summary>
/// Writes the QDQ form of a float model (ONNX Runtime's static quantisation format): a QuantizeLinear/DequantizeLinear pair on
/// every planned activation (uint8, one scale per tensor, asymmetric), and each planned convolution's weights as int8, symmetric,
/// one scale per output channel, behind a DequantizeLinear, with its bias as int32 at scale input scale x weight scale (what
/// ONNX Runtime's Conv fusion into QLinearConv expects). The graph's computation is otherwise unchanged.
/// </summary>
internal static class QdqRewriter
{
    /// <summary>
    /// Largest weight magnitude in int8 steps: 63 rather than 127, because x86 CPUs without VNNI (AVX2, as this project's
    /// machines) multiply uint8 by int8 with an instruction that saturates when a pair of products exceeds 32,767; with 7-bit
    /// weights 2 x 255 x 63 never does (ONNX Runtime's "reduce_range"). Costs one bit of weight resolution, measured in the model card.
    /// </summary>
    public const int WeightLevels = 63;

    /// <summary>The quantised copy of <paramref name="model"/>.</summary>
    public static ModelProto Rewrite(ModelProto model, string modelPath, QuantizationPlan plan, IReadOnlyDictionary<string, ActivationRange> ranges)
    {
        var result = model.Clone();
        var graph = result.Graph;
        var activations = plan.Activations.ToDictionary(a => a, a => Parameters(ranges[a]), StringComparer.Ordinal);
        var int8Convs = plan.Int8Convs.Select(c => model.Graph.Node.IndexOf(c)).ToHashSet();
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var nodes = new List<NodeProto>();
        foreach (var input in graph.Input.Where(i => activations.ContainsKey(i.Name))) nodes.AddRange(QuantizePair(graph, input.Name, activations[input.Name]));
        for (var n = 0; n < graph.Node.Count; n++)
        {
            var node = graph.Node[n];
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (activations.ContainsKey(node.Input[i])) node.Input[i] = Dequantized(node.Input[i]);
            }
            if (int8Convs.Contains(n)) nodes.AddRange(Int8Weights(graph, initializers, node, n, activations[Original(node.Input[0])].Scale, modelPath));
            nodes.Add(node);
            foreach (var output in node.Output.Where(activations.ContainsKey)) nodes.AddRange(QuantizePair(graph, output, activations[output]));
        }
        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        // The float weights the int8 ones replace go, unless another node still reads them.
        var read = nodes.SelectMany(n => n.Input).ToHashSet(StringComparer.Ordinal);
        var unread = graph.Initializer.Where(t => !read.Contains(t.Name)).ToList();
        foreach (var tensor in unread) graph.Initializer.Remove(tensor);
        // Older exports also list initializers as graph inputs: the removed ones must not stay behind as inputs nobody feeds.
        foreach (var input in graph.Input.Where(i => unread.Any(t => t.Name == i.Name)).ToList()) graph.Input.Remove(input);
        return result;
    }

    private static string Dequantized(string tensor) => tensor + "_DequantizeLinear_Output";

    private static string Original(string tensor) => tensor.EndsWith("_DequantizeLinear_Output", StringComparison.Ordinal) ? tensor[..^"_DequantizeLinear_Output".Length] : tensor;

    /// <summary>uint8 scale and zero point that hold the range and zero exactly (so padding and a Relu's floor stay exact).</summary>
    internal static (float Scale, byte ZeroPoint) Parameters(ActivationRange range)
    {
        var (low, high) = (Math.Min(0f, range.Min), Math.Max(0f, range.Max));
        var scale = (high - low) / 255f;
        // A tensor that is zero on every calibration image: any scale represents it, and a zero scale is not allowed.
        if (!(scale > 0) || !float.IsFinite(scale)) return (1f, 0);
        return (scale, (byte)Math.Clamp(MathF.Round(-low / scale), 0, 255));
    }

    private static IEnumerable<NodeProto> QuantizePair(GraphProto graph, string tensor, (float Scale, byte ZeroPoint) p)
    {
        var (scale, zeroPoint) = (tensor + "_scale", tensor + "_zero_point");
        graph.Initializer.Add(OnnxModelFile.FloatTensor(scale, [], [p.Scale]));
        graph.Initializer.Add(OnnxModelFile.UInt8Scalar(zeroPoint, p.ZeroPoint));
        yield return OnnxModelFile.Node("QuantizeLinear", tensor + "_QuantizeLinear", [tensor, scale, zeroPoint], tensor + "_QuantizeLinear_Output");
        yield return OnnxModelFile.Node("DequantizeLinear", tensor + "_DequantizeLinear", [tensor + "_QuantizeLinear_Output", scale, zeroPoint], Dequantized(tensor));
    }

    // Weights int8 symmetric per output channel (axis 0); bias int32 with zero point 0 at input scale x weight scale, per channel.
    private static IEnumerable<NodeProto> Int8Weights(GraphProto graph, Dictionary<string, TensorProto> initializers, NodeProto conv, int index, float inputScale, string modelPath)
    {
        var weight = initializers[conv.Input[1]];
        var values = OnnxModelFile.Floats(weight, modelPath);
        var channels = (int)weight.Dims[0];
        var perChannel = values.Length / channels;
        var scales = new float[channels];
        var quantised = new sbyte[values.Length];
        for (var c = 0; c < channels; c++)
        {
            var span = values.AsSpan(c * perChannel, perChannel);
            var largest = 0f;
            foreach (var v in span) largest = Math.Max(largest, Math.Abs(v));
            scales[c] = largest > 0 ? largest / WeightLevels : 1f;
            for (var i = 0; i < perChannel; i++) quantised[c * perChannel + i] = (sbyte)Math.Clamp(MathF.Round(span[i] / scales[c]), -WeightLevels, WeightLevels);
        }
        var prefix = $"{weight.Name}_int8_{index}";
        graph.Initializer.Add(OnnxModelFile.Int8Tensor(prefix + "_quantized", weight.Dims, quantised));
        graph.Initializer.Add(OnnxModelFile.FloatTensor(prefix + "_scale", [channels], scales));
        graph.Initializer.Add(OnnxModelFile.Int8Tensor(prefix + "_zero_point", [channels], new sbyte[channels]));
        conv.Input[1] = prefix + "_dequantized";
        yield return OnnxModelFile.Node("DequantizeLinear", prefix + "_DequantizeLinear", [prefix + "_quantized", prefix + "_scale", prefix + "_zero_point"], conv.Input[1], axis: 0);
        if (conv.Input.Count < 3 || conv.Input[2].Length == 0) yield break;
        var bias = OnnxModelFile.Floats(initializers[conv.Input[2]], modelPath);
        var biasScales = scales.Select(s => inputScale * s).ToArray();
        var biasQuantised = bias.Select((b, c) => (int)Math.Clamp(Math.Round((double)b / biasScales[c]), int.MinValue, int.MaxValue)).ToArray();
        var biasPrefix = $"{conv.Input[2]}_int32_{index}";
        graph.Initializer.Add(OnnxModelFile.Int32Tensor(biasPrefix + "_quantized", [channels], biasQuantised));
        graph.Initializer.Add(OnnxModelFile.FloatTensor(biasPrefix + "_scale", [channels], biasScales));
        graph.Initializer.Add(OnnxModelFile.Int32Tensor(biasPrefix + "_zero_point", [channels], new int[channels]));
        conv.Input[2] = biasPrefix + "_dequantized";
        yield return OnnxModelFile.Node("DequantizeLinear", biasPrefix + "_DequantizeLinear", [biasPrefix + "_quantized", biasPrefix + "_scale", biasPrefix + "_zero_point"], conv.Input[2], axis: 0);
    }
}
