using CovidCt.Data.IO;
using CovidCt.Pipelines.Models.Quantization.Onnx;

namespace CovidCt.Pipelines.Models.Quantization;

/// <summary>
/// Folds each inference-mode BatchNormalization into the convolution before it, as an export with constant folding does: with
/// s = scale / sqrt(var + epsilon) per output channel, the weights become W·s and the bias (b − mean)·s + B, so one Conv computes
/// what Conv then BatchNormalization did (up to float rounding, done in double here). The quantiser then sees plain
/// convolutions: a batch norm left between a Conv and its Relu would keep the Conv from fusing into a quantised kernel.
/// </summary>
internal static class BatchNormFolding
{
    /// <summary>
    /// A copy of <paramref name="model"/> with every BatchNormalization folded into its Conv, and how many were folded; the
    /// model itself when there is none.
    /// </summary>
    /// <exception cref="InvalidInputException">When a BatchNormalization cannot be folded (its input is not a Conv's output read by
    /// it alone, a parameter is not a constant float tensor of one value per channel, or it runs in training mode), naming the node.</exception>
    public static (ModelProto Model, int Folded) Fold(ModelProto model, string modelPath)
    {
        if (!model.Graph.Node.Any(n => n.OpType == "BatchNormalization")) return (model, 0);
        var result = model.Clone();
        var graph = result.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var folded = 0;
        foreach (var norm in graph.Node.Where(n => n.OpType == "BatchNormalization").ToList())
        {
            var conv = ConvBefore(graph, norm, modelPath);
            var weight = Constant(initializers, conv.Input.Count > 1 ? conv.Input[1] : "", conv, "weights", modelPath);
            var channels = (int)weight.Dims[0];
            float[] Parameter(int input, string what)
            {
                var values = OnnxModelFile.Floats(Constant(initializers, norm.Input.Count > input ? norm.Input[input] : "", norm, what, modelPath), modelPath);
                return values.Length == channels ? values
                    : throw new InvalidInputException(modelPath, $"node '{norm.Name}' (BatchNormalization) has {values.Length} {what} values for the {channels} output channels of '{conv.Name}'; expected one per channel", field: norm.Name);
            }
            var (scale, shift, mean, variance) = (Parameter(1, "scale"), Parameter(2, "bias"), Parameter(3, "mean"), Parameter(4, "variance"));
            var epsilon = norm.Attribute.FirstOrDefault(a => a.Name == "epsilon")?.F ?? 1e-5f;
            var weights = OnnxModelFile.Floats(weight, modelPath);
            var bias = conv.Input.Count > 2 && conv.Input[2].Length > 0
                ? OnnxModelFile.Floats(Constant(initializers, conv.Input[2], conv, "bias", modelPath), modelPath)
                : new float[channels];
            var perChannel = weights.Length / channels;
            var newWeights = new float[weights.Length];
            var newBias = new float[channels];
            for (var c = 0; c < channels; c++)
            {
                var s = scale[c] / Math.Sqrt((double)variance[c] + epsilon);
                for (var i = 0; i < perChannel; i++) newWeights[c * perChannel + i] = (float)(weights[c * perChannel + i] * s);
                newBias[c] = (float)((bias[c] - (double)mean[c]) * s + shift[c]);
            }
            // New names: another node may read the same weights unfolded.
            var prefix = string.IsNullOrEmpty(conv.Name) ? conv.Output[0] : conv.Name;
            var (weightName, biasName) = ($"{prefix}_weight_folded_{norm.Name}", $"{prefix}_bias_folded_{norm.Name}");
            graph.Initializer.Add(OnnxModelFile.FloatTensor(weightName, weight.Dims, newWeights));
            graph.Initializer.Add(OnnxModelFile.FloatTensor(biasName, [channels], newBias));
            conv.Input[1] = weightName;
            if (conv.Input.Count > 2) conv.Input[2] = biasName;
            else conv.Input.Add(biasName);
            conv.Output[0] = norm.Output[0];
            graph.Node.Remove(norm);
            folded++;
        }
        // The unfolded parameters go, unless another node still reads them.
        var read = graph.Node.SelectMany(n => n.Input).ToHashSet(StringComparer.Ordinal);
        var unread = graph.Initializer.Where(t => !read.Contains(t.Name)).ToList();
        foreach (var tensor in unread) graph.Initializer.Remove(tensor);
        foreach (var input in graph.Input.Where(i => unread.Any(t => t.Name == i.Name)).ToList()) graph.Input.Remove(input);
        return (result, folded);
    }

    // The Conv whose output only this batch norm reads (so renaming its output to the norm's changes nothing else).
    private static NodeProto ConvBefore(GraphProto graph, NodeProto norm, string modelPath)
    {
        if (norm.Attribute.FirstOrDefault(a => a.Name == "training_mode") is { I: not 0 } || norm.Output.Count != 1)
        {
            throw new InvalidInputException(modelPath, $"node '{norm.Name}' is BatchNormalization in training mode; expected an export in eval mode", field: norm.Name);
        }
        var input = norm.Input[0];
        var conv = graph.Node.FirstOrDefault(n => n.Output.Contains(input));
        var readers = graph.Node.Count(n => n.Input.Contains(input)) + (graph.Output.Any(o => o.Name == input) ? 1 : 0);
        if (conv is not { OpType: "Conv" } || readers != 1)
        {
            throw new InvalidInputException(modelPath, $"node '{norm.Name}' is BatchNormalization on '{input}', which is not the output of a Conv read by it alone; expected it after a convolution, where it can be folded", field: norm.Name);
        }
        return conv;
    }

    private static TensorProto Constant(Dictionary<string, TensorProto> initializers, string name, NodeProto node, string what, string modelPath) =>
        initializers.TryGetValue(name, out var tensor) ? tensor
            : throw new InvalidInputException(modelPath, $"the {what} of node '{node.Name}' ({node.OpType}) is not a constant initializer; expected constant {what} to fold batch normalisation into", field: node.Name);
}
