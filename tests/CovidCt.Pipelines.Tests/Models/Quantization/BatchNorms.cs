using CovidCt.Pipelines.Models.Quantization;
using CovidCt.Pipelines.Models.Quantization.Onnx;

namespace CovidCt.Pipelines.Tests.Models.Quantization;

/// <summary>
/// A float model with batch normalisation, as an export without folding gives: after every Conv that a Relu reads, a
/// BatchNormalization with seeded scale, bias, mean and variance, and the Conv's weights and bias changed so that the model
/// computes what it did (Conv·s + shift undoes the norm exactly, up to float rounding).
/// </summary>
internal static class BatchNorms
{
    public static (ModelProto Model, int Inserted) Inserted(ModelProto source)
    {
        var model = source.Clone();
        var graph = model.Graph;
        var random = new Random(20);
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var convs = graph.Node.Where(n => n.OpType == "Conv" && graph.Node.Count(r => r.Input.Contains(n.Output[0])) == 1
            && graph.Node.Single(r => r.Input.Contains(n.Output[0])).OpType == "Relu").ToList();
        foreach (var conv in convs)
        {
            var weight = initializers[conv.Input[1]];
            var weights = OnnxModelFile.Floats(weight, "test");
            var channels = (int)weight.Dims[0];
            var bias = conv.Input.Count > 2 ? OnnxModelFile.Floats(initializers[conv.Input[2]], "test") : new float[channels];
            var (scale, shift, mean, variance) = (new float[channels], new float[channels], new float[channels], new float[channels]);
            var perChannel = weights.Length / channels;
            var (newWeights, newBias) = (new float[weights.Length], new float[channels]);
            for (var c = 0; c < channels; c++)
            {
                (scale[c], shift[c], mean[c], variance[c]) = ((float)(0.5 + random.NextDouble()), (float)(random.NextDouble() - 0.5), (float)(random.NextDouble() - 0.5), (float)(0.5 + random.NextDouble()));
                var s = scale[c] / Math.Sqrt(variance[c] + 1e-5);
                for (var i = 0; i < perChannel; i++) newWeights[c * perChannel + i] = (float)(weights[c * perChannel + i] / s);
                newBias[c] = (float)((bias[c] - shift[c]) / s + mean[c]);
            }
            var name = conv.Name + "_bn";
            graph.Initializer.Add(OnnxModelFile.FloatTensor(name + "_w", weight.Dims, newWeights));
            graph.Initializer.Add(OnnxModelFile.FloatTensor(name + "_b", [channels], newBias));
            foreach (var (suffix, values) in new[] { ("_scale", scale), ("_shift", shift), ("_mean", mean), ("_var", variance) }) graph.Initializer.Add(OnnxModelFile.FloatTensor(name + suffix, [channels], values));
            conv.Input[1] = name + "_w";
            if (conv.Input.Count > 2) conv.Input[2] = name + "_b";
            else conv.Input.Add(name + "_b");
            var output = conv.Output[0];
            conv.Output[0] = name + "_conv";
            var norm = OnnxModelFile.Node("BatchNormalization", name, [name + "_conv", name + "_scale", name + "_shift", name + "_mean", name + "_var"], output);
            graph.Node.Insert(graph.Node.IndexOf(conv) + 1, norm);
        }
        return (model, convs.Count);
    }
}
