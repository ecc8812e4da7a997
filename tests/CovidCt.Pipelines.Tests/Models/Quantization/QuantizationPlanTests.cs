using CovidCt.Data.IO;
using CovidCt.Pipelines.Models.Quantization;
using CovidCt.Pipelines.Models.Quantization.Onnx;

namespace CovidCt.Pipelines.Tests.Models.Quantization;

public sealed class QuantizationPlanTests
{
    [Fact]
    public void Batch_normalisation_left_in_the_graph_is_refused_naming_the_node()
    {
        var model = Graph(
            OnnxModelFile.Node("Conv", "conv", ["image", "weight"], "c"),
            OnnxModelFile.Node("BatchNormalization", "norm", ["c", "s", "b", "m", "v"], "probability"));
        var error = Assert.Throws<InvalidInputException>(() => QuantizationPlan.Of(model, "bn.onnx"));
        Assert.Contains("node 'norm' is BatchNormalization; expected it folded", error.Message);
        Assert.Equal("norm", error.Field);
    }

    [Fact]
    public void A_graph_without_a_convolution_to_quantise_is_refused()
    {
        var model = Graph(OnnxModelFile.Node("Relu", "relu", ["image"], "probability"));
        var error = Assert.Throws<InvalidInputException>(() => QuantizationPlan.Of(model, "relu.onnx"));
        Assert.Contains("none of the model's 0 Conv nodes can run quantised", error.Message);
    }

    [Fact]
    public void The_last_head_before_the_output_stays_float_and_a_relu_output_carries_the_range()
    {
        var model = Graph(
            OnnxModelFile.Node("Conv", "conv1", ["image", "weight"], "c1"),
            OnnxModelFile.Node("Relu", "relu1", ["c1"], "r1"),
            OnnxModelFile.Node("Conv", "head", ["r1", "weight"], "logits"),
            OnnxModelFile.Node("Sigmoid", "sigmoid", ["logits"], "probability"));
        var plan = QuantizationPlan.Of(model, "small.onnx");
        Assert.Equal(["image", "r1"], plan.Activations);
        Assert.Equal(["conv1"], plan.Int8Convs.Select(c => c.Name));
        Assert.Equal(2, plan.Convs);
    }

    private static ModelProto Graph(params NodeProto[] nodes)
    {
        var graph = new GraphProto { Name = "test" };
        graph.Input.Add(new ValueInfoProto { Name = "image", Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } } });
        graph.Output.Add(new ValueInfoProto { Name = "probability" });
        graph.Initializer.Add(OnnxModelFile.FloatTensor("weight", [1, 1, 1, 1], [0.5f]));
        graph.Node.AddRange(nodes);
        return new ModelProto { Graph = graph };
    }
}
