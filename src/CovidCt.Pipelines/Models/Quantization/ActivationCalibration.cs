using CovidCt.Pipelines.Models.Quantization.Onnx;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace CovidCt.Pipelines.Models.Quantization;

/// <summary>
/// Measures each activation's range on calibration images: the float model runs with every planned activation added as a graph
/// output. With <see cref="CalibrationMethod.MinMax"/> the smallest and largest value of each over all images is kept (no value
/// seen in calibration is clipped; docs/models.md says what it costs); with a percentile the images are run a second time to
/// fill a histogram of each activation over that range, and the range is cut at the percentiles.
/// </summary>
internal static class ActivationCalibration
{
    /// <summary>The range of every calibrated activation of <paramref name="plan"/> over <paramref name="images"/> (each one model input).</summary>
    /// <param name="model">The float model (not changed).</param>
    /// <param name="plan">The activations to measure.</param>
    /// <param name="inputName">The image input.</param>
    /// <param name="imageShape">The input shape of one image, batch 1.</param>
    /// <param name="images">Model inputs exactly as scoring makes them (enumerated twice for a percentile).</param>
    /// <param name="method">How values become a range.</param>
    /// <returns>The ranges, and how many images were run.</returns>
    public static (IReadOnlyDictionary<string, ActivationRange> Ranges, int Images) Measure(ModelProto model, QuantizationPlan plan, string inputName, long[] imageShape,
        IEnumerable<float[]> images, CalibrationMethod method)
    {
        var measured = plan.Calibrated.ToArray();
        var probe = model.Clone();
        foreach (var name in measured.Where(n => n != inputName))
        {
            probe.Graph.Output.Add(new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } } });
        }
        var outputNames = measured.Where(n => n != inputName).ToArray();
        // Every core on one image at a time: the probe returns every activation, so one image's worth is all it should hold.
        using var options = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        using var session = new InferenceSession(probe.ToByteArray(), options);
        using var runOptions = new RunOptions();
        // Runs every image and hands each measured activation's values to see; returns how many images ran.
        int Run(Action<string, ReadOnlySpan<float>> see)
        {
            var count = 0;
            foreach (var image in images)
            {
                using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, image.AsMemory(), imageShape);
                if (measured.Contains(inputName)) see(inputName, image);
                using var outputs = session.Run(runOptions, [inputName], [input], outputNames);
                for (var o = 0; o < outputs.Count; o++) see(outputNames[o], outputs[o].GetTensorDataAsSpan<float>());
                count++;
            }
            return count;
        }
        var ranges = measured.ToDictionary(n => n, _ => ActivationRange.Empty, StringComparer.Ordinal);
        var count = Run((name, values) => ranges[name] = ranges[name].Including(values));
        if (method.Percentile is { } percentile && count > 0)
        {
            var histograms = measured.ToDictionary(n => n, n => new ValueHistogram(ranges[n]), StringComparer.Ordinal);
            Run((name, values) => histograms[name].Add(values));
            foreach (var name in measured) ranges[name] = histograms[name].Range(percentile);
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

/// <summary>
/// How often an activation took values in each of <see cref="Bins"/> equal bins over the range it took (known from a first pass),
/// for a percentile range: values found beyond a percentile are clipped by the quantised model, the rest get finer steps.
/// </summary>
internal sealed class ValueHistogram(ActivationRange range)
{
    /// <summary>Bins over the range: a cut lands within 1/2048 of the range of its percentile.</summary>
    public const int Bins = 2048;

    private readonly long[] _counts = new long[Bins];

    /// <summary>Counts <paramref name="values"/> (each within the range, as the first pass measured it).</summary>
    public void Add(ReadOnlySpan<float> values)
    {
        var width = (double)range.Max - range.Min;
        foreach (var v in values)
        {
            var bin = width > 0 ? (int)((v - (double)range.Min) / width * Bins) : 0;
            _counts[Math.Clamp(bin, 0, Bins - 1)]++;
        }
    }

    /// <summary>
    /// The range from the (100 − <paramref name="percentile"/>)th to the <paramref name="percentile"/>th percentile, to the bin:
    /// the lower edge of the bin holding the lower cut and the upper edge of the bin holding the upper one.
    /// </summary>
    public ActivationRange Range(double percentile)
    {
        var total = _counts.Sum();
        if (total == 0) return range;
        var below = (long)Math.Floor(total * (100 - percentile) / 100);
        var upTo = (long)Math.Ceiling(total * percentile / 100);
        var width = ((double)range.Max - range.Min) / Bins;
        int low = 0, high = Bins - 1;
        long seen = 0;
        for (var b = 0; b < Bins; b++)
        {
            seen += _counts[b];
            if (seen > below)
            {
                low = b;
                break;
            }
        }
        seen = 0;
        for (var b = 0; b < Bins; b++)
        {
            seen += _counts[b];
            if (seen >= upTo)
            {
                high = b;
                break;
            }
        }
        return new ActivationRange(low == 0 ? range.Min : (float)(range.Min + low * width), high == Bins - 1 ? range.Max : (float)(range.Min + (high + 1) * width));
    }
}
