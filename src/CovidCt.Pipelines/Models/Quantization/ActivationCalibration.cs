using CovidCt.Pipelines.Models.Quantization.Onnx;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace CovidCt.Pipelines.Models.Quantization;

/// <summary>
/// Measures each activation's range on calibration images: the float model runs with every planned activation added as a graph
/// output, and the smallest and largest value of each over all images is kept (min/max calibration: no value seen in calibration
/// is clipped; docs/models.md says what it costs).
/// </summary>
internal static class ActivationCalibration
{
    /// <summary>The range of every calibrated activation of <paramref name="plan"/> over <paramref name="images"/> (each one model input).</summary>
    /// <param name="model">The float model (not changed).</param>
    /// <param name="plan">The activations to measure.</param>
    /// <param name="inputName">The image input.</param>
    /// <param name="imageShape">The input shape of one image, batch 1.</param>
    /// <param name="images">Model inputs exactly as scoring makes them.</param>
    /// <returns>The ranges, and how many images were run.</returns>
    public static (IReadOnlyDictionary<string, ActivationRange> Ranges, int Images) Measure(ModelProto model, QuantizationPlan plan, string inputName, long[] imageShape, IEnumerable<float[]> images)
    {
        var measured = plan.Calibrated.ToArray();
        var probe = model.Clone();
        foreach (var name in measured.Where(n => n != inputName))
        {
            probe.Graph.Output.Add(new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } } });
        }
        var outputNames = measured.Where(n => n != inputName).ToArray();
        var ranges = measured.ToDictionary(n => n, _ => ActivationRange.Empty, StringComparer.Ordinal);
        // Every core on one image at a time: the probe returns every activation, so one image's worth is all it should hold.
        using var options = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        using var session = new InferenceSession(probe.ToByteArray(), options);
        using var runOptions = new RunOptions();
        var count = 0;
        foreach (var image in images)
        {
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, image.AsMemory(), imageShape);
            if (ranges.TryGetValue(inputName, out var inputRange)) ranges[inputName] = inputRange.Including(image);
            using var outputs = session.Run(runOptions, [inputName], [input], outputNames);
            for (var o = 0; o < outputs.Count; o++) ranges[outputNames[o]] = ranges[outputNames[o]].Including(outputs[o].GetTensorDataAsSpan<float>());
            count++;
        }
        foreach (var (tensor, source) in plan.SharedRanges) ranges[tensor] = ranges[source];
        return (ranges, count);
    }
}

/// <summary>The smallest and largest value an activation took in calibration.</summary>
internal readonly record struct ActivationRange(float Min, float Max)
{
    /// <summary>No value seen yet.</summary>
    public static ActivationRange Empty => new(float.PositiveInfinity, float.NegativeInfinity);

    /// <summary>This range widened to hold <paramref name="values"/>.</summary>
    public ActivationRange Including(ReadOnlySpan<float> values)
    {
        var (min, max) = (Min, Max);
        foreach (var v in values)
        {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return new(min, max);
    }
}
