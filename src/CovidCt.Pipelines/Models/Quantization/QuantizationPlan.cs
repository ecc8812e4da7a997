using CovidCt.Data.IO;
using CovidCt.Pipelines.Models.Quantization.Onnx;

namespace CovidCt.Pipelines.Models.Quantization;

/// <summary>
/// Which tensors of a float graph get QuantizeLinear/DequantizeLinear and which convolutions get int8 weights, chosen so that
/// ONNX Runtime's QDQ fusions turn them into quantised kernels: an activation is quantised only when every node reading it has
/// a quantised kernel (Conv, MaxPool, Resize, Concat), and a convolution only when its input is quantised and its output is
/// too, directly or after a Relu (which ONNX Runtime then removes, the quantiser's clamp at zero doing its work). A Conv output
/// that only a Relu reads is left float, so the Relu's output carries the range; the last head (Conv then Sigmoid, a graph
/// output) stays float, so the probabilities keep their resolution near the threshold.
/// </summary>
internal sealed class QuantizationPlan
{
    // Nodes whose first input (all inputs for Concat) ONNX Runtime runs on uint8 when a DequantizeLinear feeds it and a QuantizeLinear follows.
    private static readonly HashSet<string> QuantisedReaders = ["Conv", "MaxPool", "Resize", "Concat"];

    // Nodes whose output may carry a calibrated range: their value is an activation worth quantising.
    private static readonly HashSet<string> ActivationWriters = ["Conv", "Relu", "MaxPool", "Resize", "Concat"];

    // MaxPool and Resize only select or interpolate: ONNX Runtime drops their Q/DQ pair only when input and output share one scale and zero point.
    private static readonly HashSet<string> RangeKeepers = ["MaxPool", "Resize"];

    /// <summary>Ops that mark a model as quantised already.</summary>
    private static readonly HashSet<string> QuantisedOps = ["QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear", "QLinearConv", "ConvInteger", "MatMulInteger", "QLinearMatMul"];

    private QuantizationPlan(IReadOnlyList<string> activations, IReadOnlyDictionary<string, string> sharedRanges, IReadOnlyList<NodeProto> int8Convs, int convs)
    {
        Activations = activations;
        SharedRanges = sharedRanges;
        Int8Convs = int8Convs;
        Convs = convs;
    }

    /// <summary>Activation tensors to quantise, in graph order (graph input first).</summary>
    public IReadOnlyList<string> Activations { get; }

    /// <summary>Activations whose range is their input's (MaxPool, Resize outputs): tensor to the tensor whose range it takes.</summary>
    public IReadOnlyDictionary<string, string> SharedRanges { get; }

    /// <summary>Convolutions that get int8 per-channel weights and an int32 bias.</summary>
    public IReadOnlyList<NodeProto> Int8Convs { get; }

    /// <summary>Convolutions in the graph.</summary>
    public int Convs { get; }

    /// <summary>Activations whose range the calibration must measure.</summary>
    public IEnumerable<string> Calibrated => Activations.Where(a => !SharedRanges.ContainsKey(a));

    /// <summary>The plan for <paramref name="model"/>'s graph.</summary>
    /// <exception cref="InvalidInputException">When the model is quantised already, holds batch normalisation, or has no convolution to quantise.</exception>
    public static QuantizationPlan Of(ModelProto model, string modelPath)
    {
        var graph = model.Graph;
        if (graph.Node.FirstOrDefault(n => QuantisedOps.Contains(n.OpType)) is { } done)
        {
            throw new InvalidInputException(modelPath, $"the model is quantised already (node '{done.Name}' is {done.OpType}); expected a float32 model", field: done.Name);
        }
        if (graph.Node.FirstOrDefault(n => n.OpType == "BatchNormalization") is { } norm)
        {
            throw new InvalidInputException(modelPath, $"node '{norm.Name}' is BatchNormalization; expected it folded into the convolution before it (Int8Quantization folds every batch norm that follows a Conv)", field: norm.Name);
        }
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var readers = new Dictionary<string, List<(NodeProto Node, int Index)>>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (node.Input[i].Length == 0) continue;
                if (!readers.TryGetValue(node.Input[i], out var list)) readers[node.Input[i]] = list = [];
                list.Add((node, i));
            }
        }
        var outputs = graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        bool ReadOnlyByQuantisedKernels(string tensor) =>
            !outputs.Contains(tensor) && readers.TryGetValue(tensor, out var list) && list.All(r => QuantisedReaders.Contains(r.Node.OpType) && (r.Index == 0 || r.Node.OpType == "Concat"));

        var activations = new List<string>();
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in graph.Input.Where(i => !initializers.ContainsKey(i.Name) && i.Type?.TensorType?.ElemType == (int)TensorProto.Types.DataType.Float))
        {
            if (ReadOnlyByQuantisedKernels(input.Name)) activations.Add(input.Name);
        }
        foreach (var node in graph.Node.Where(n => ActivationWriters.Contains(n.OpType) && n.Output.Count == 1))
        {
            var output = node.Output[0];
            if (!ReadOnlyByQuantisedKernels(output)) continue;
            activations.Add(output);
            if (RangeKeepers.Contains(node.OpType) && activations.Contains(node.Input[0])) shared[output] = node.Input[0];
        }
        var quantised = activations.ToHashSet(StringComparer.Ordinal);
        var convs = graph.Node.Where(n => n.OpType == "Conv").ToList();
        var int8Convs = convs.Where(conv => quantised.Contains(conv.Input[0])
                && conv.Input.Count >= 2 && initializers.TryGetValue(conv.Input[1], out var weight) && weight.Dims.Count >= 3
                && (conv.Input.Count < 3 || conv.Input[2].Length == 0 || initializers.ContainsKey(conv.Input[2]))
                && OutputQuantised(conv.Output[0]))
            .ToList();
        if (int8Convs.Count == 0)
        {
            throw new InvalidInputException(modelPath, $"none of the model's {convs.Count} Conv nodes can run quantised (each needs constant weights, an input read only by Conv, MaxPool, Resize or Concat nodes, and an output or Relu output read only by them); expected a convolutional network such as a UNet++");
        }
        return new QuantizationPlan(activations, shared, int8Convs, convs.Count);

        bool OutputQuantised(string output) =>
            quantised.Contains(output)
            || readers.TryGetValue(output, out var list) && list.Count == 1 && list[0].Node.OpType == "Relu" && !outputs.Contains(output) && quantised.Contains(list[0].Node.Output[0]);
    }
}
