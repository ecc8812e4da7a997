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

    [Fact]
    public void A_batch_norm_that_does_not_follow_a_convolution_is_refused_naming_it()
    {
        var model = Graph(
            OnnxModelFile.Node("Relu", "relu", ["image"], "r"),
            OnnxModelFile.Node("BatchNormalization", "norm", ["r", "s", "b", "m", "v"], "probability"));
        var error = Assert.Throws<InvalidInputException>(() => BatchNormFolding.Fold(model, "bn.onnx"));
        Assert.Contains("node 'norm' is BatchNormalization on 'r', which is not the output of a Conv", error.Message);
        Assert.Equal("norm", error.Field);
    }

    [Fact]
    public void A_folded_batch_norm_scales_the_weights_and_shifts_the_bias_per_channel()
    {
        var model = Graph(
            OnnxModelFile.Node("Conv", "conv", ["image", "weight"], "c"),
            OnnxModelFile.Node("BatchNormalization", "norm", ["c", "s", "b", "m", "v"], "probability"));
        model.Graph.Initializer.Add(OnnxModelFile.FloatTensor("s", [1], [2f]));
        model.Graph.Initializer.Add(OnnxModelFile.FloatTensor("b", [1], [1f]));
        model.Graph.Initializer.Add(OnnxModelFile.FloatTensor("m", [1], [0.25f]));
        model.Graph.Initializer.Add(OnnxModelFile.FloatTensor("v", [1], [4f - 1e-5f]));

        var (folded, count) = BatchNormFolding.Fold(model, "bn.onnx");

        Assert.Equal(1, count);
        var conv = Assert.Single(folded.Graph.Node);
        Assert.Equal(("Conv", "probability"), (conv.OpType, conv.Output[0]));
        var initializers = folded.Graph.Initializer.ToDictionary(t => t.Name);
        // s = 2 / sqrt(4) = 1: weight 0.5 * 1, bias (0 - 0.25) * 1 + 1.
        Assert.Equal(0.5f, OnnxModelFile.Floats(initializers[conv.Input[1]], "bn.onnx")[0], 5);
        Assert.Equal(0.75f, OnnxModelFile.Floats(initializers[conv.Input[2]], "bn.onnx")[0], 5);
        Assert.DoesNotContain("s", initializers.Keys);
    }

    [Fact]
    public void A_percentile_range_clips_an_outlier_that_min_max_keeps()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => i / 10_000f).Append(1000f).ToArray();
        var range = ActivationRange.Empty.Including(values);
        var histogram = new ValueHistogram(range);
        histogram.Add(values);

        Assert.Equal(1000f, range.Max);
        Assert.InRange(histogram.Range(99.9).Max, 0.99f, 1.5f);
        Assert.Equal(0f, histogram.Range(99.9).Min);
        Assert.Equal(range, histogram.Range(100));
    }

    [Theory]
    [InlineData("minmax", null)]
    [InlineData("percentile:99.99", 99.99)]
    public void A_calibration_method_reads_as_it_is_written(string text, double? percentile)
    {
        var method = CalibrationMethod.Parse(text);
        Assert.Equal((percentile, text), (method.Percentile, method.ToString()));
    }

    [Theory]
    [InlineData("percentile")]
    [InlineData("percentile:50")]
    [InlineData("percentile:101")]
    [InlineData("entropy")]
    public void A_calibration_method_that_is_not_one_is_refused_saying_what_is_expected(string text)
    {
        var error = Assert.Throws<FormatException>(() => CalibrationMethod.Parse(text));
        Assert.Contains("expected minmax or percentile:P", error.Message, StringComparison.Ordinal);
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
