using CovidCt.Pipelines.Models.Quantization.Onnx;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace CovidCt.Pipelines.Models.Quantization;

/// <summary>
/// What ONNX Runtime makes of a QDQ model: the graph after its extended optimisations (where the QDQ fusions run), read back
/// from the optimised model it writes. A QDQ model whose convolutions ONNX Runtime does not fuse runs float kernels between
/// quantise/dequantise pairs, slower than the float model: the count says whether the int8 is real.
/// </summary>
/// <param name="QuantisedConvs">Convolutions that run as quantised kernels (QLinearConv).</param>
/// <param name="FloatConvs">Convolutions that still run in float.</param>
/// <param name="QuantisedConcats">Concatenations that run on uint8 (QLinearConcat).</param>
public sealed record KernelFusion(int QuantisedConvs, int FloatConvs, int QuantisedConcats)
{
    /// <summary>Optimises <paramref name="model"/> as a scoring session would on this machine's CPU, and counts its kernels.</summary>
    internal static KernelFusion Of(ModelProto model)
    {
        var optimised = Path.Combine(Path.GetTempPath(), $"covidct-fusion-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED, OptimizedModelFilePath = optimised })
            using (new InferenceSession(model.ToByteArray(), options))
            {
            }
            var nodes = OnnxModelFile.Read(optimised).Graph.Node;
            return new KernelFusion(nodes.Count(n => n.OpType == "QLinearConv"), nodes.Count(n => n.OpType is "Conv" or "FusedConv"), nodes.Count(n => n.OpType == "QLinearConcat"));
        }
        finally
        {
            File.Delete(optimised);
        }
    }
}
