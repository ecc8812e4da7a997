using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;

namespace CovidCt.Benchmarks;

/// <summary>
/// Item 1: the same model and inputs through our batched scorer, a raw ONNX Runtime session (default options, batch 1 and
/// larger batches) and ML.NET's ApplyOnnxModel (one row per call).
/// </summary>
internal static class ScoringBenchmark
{
    /// <summary>Prints the comparison; returns our time per image in milliseconds.</summary>
    /// <param name="gflopPerImage">The model's GFLOP per image counted from its graph (benchmarks/onnx_flops.py), to report achieved GFLOP/s; null to skip.</param>
    public static double Run(TextWriter output, string modelPath, int images, int repeats, double? gflopPerImage)
    {
        var model = OnnxModelInfo.Read(modelPath);
        var inputs = Inputs(images, model.InputWidth * model.InputHeight, seed: 1);
        output.WriteLine($"Scoring {Path.GetFileName(modelPath)} ({model.InputWidth}x{model.InputHeight}), {images} images, {Environment.ProcessorCount} logical CPUs:");
        using var ours = new BatchedOnnxScorer(modelPath);
        ours.Score(inputs.Take(ours.Options.BatchSize).ToArray());
        var oursTime = Measure.Repeat(repeats, () => ours.Score(inputs));
        Report(output, $"ours (BatchedOnnxScorer, batch {ours.Options.BatchSize})", images, oursTime, oursTime);

        using var session = new InferenceSession(modelPath);
        var best = (Batch: 0, Time: (Timing?)null);
        foreach (var batch in new[] { 1, 2, 4, 8, 16 }.Where(b => b <= images))
        {
            RawBatches(session, model, ours.OutputNames[0], inputs.Take(batch).ToArray(), batch);
            var time = Measure.Repeat(repeats, () => RawBatches(session, model, ours.OutputNames[0], inputs, batch));
            Report(output, $"raw InferenceSession, batch {batch}", images, time, oursTime);
            if (best.Time is null || time.Median < best.Time.Median) best = (batch, time);
        }
        var applyTime = Measure.Repeat(repeats, () => ApplyOnnxModel(modelPath, model, ours.OutputNames[0], inputs));
        Report(output, "ML.NET ApplyOnnxModel", images, applyTime, oursTime);
        output.WriteLine($"  ours / best raw (batch {best.Batch}) = {best.Time!.Median / oursTime.Median:0.00} (target >= 0.95); ours / ApplyOnnxModel = {applyTime.Median / oursTime.Median:0.00} (target >= 1.3)");
        if (gflopPerImage is { } gflop)
        {
            output.WriteLine($"  achieved: {gflop * images / oursTime.Median:0.0} GFLOP/s ours, {gflop * images / best.Time.Median:0.0} GFLOP/s best raw ({gflop:0.000} GFLOP per image from the graph)");
        }
        return oursTime.Median / images * 1e3;
    }

    /// <summary>Smoke: our scorer and a raw session give the same maps (largest difference).</summary>
    public static double LargestDifference(string modelPath)
    {
        var model = OnnxModelInfo.Read(modelPath);
        var inputs = Inputs(3, model.InputWidth * model.InputHeight, seed: 2);
        using var ours = new BatchedOnnxScorer(modelPath);
        using var session = new InferenceSession(modelPath);
        var mine = ours.Score(inputs);
        var raw = RawBatches(session, model, ours.OutputNames[0], inputs, 1);
        return mine.Zip(raw).Max(pair => pair.First.Values.Zip(pair.Second).Max(v => Math.Abs(v.First - v.Second)));
    }

    private static void Report(TextWriter output, string name, int images, Timing time, Timing ours) =>
        output.WriteLine($"  {name,-38} {images / time.Median,7:0.0} images/s  {time.Median / images * 1e3,8:0.0} ms/image  ours is {time.Median / ours.Median:0.00}x   {time}");

    private static float[][] Inputs(int count, int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, length).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
    }

    private static List<float[]> RawBatches(InferenceSession session, OnnxModelInfo model, string outputName, float[][] inputs, int batch)
    {
        var results = new List<float[]>();
        var length = model.InputWidth * model.InputHeight;
        for (var start = 0; start < inputs.Length; start += batch)
        {
            var n = Math.Min(batch, inputs.Length - start);
            var data = new float[n * length];
            for (var i = 0; i < n; i++) inputs[start + i].CopyTo(data, i * length);
            using var input = OrtValue.CreateTensorValueFromMemory(data, [n, 1, model.InputHeight, model.InputWidth]);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, [model.InputName], [input], [outputName]);
            var values = outputs[0].GetTensorDataAsSpan<float>();
            var per = values.Length / n;
            for (var i = 0; i < n; i++) results.Add(values.Slice(i * per, per).ToArray());
        }
        return results;
    }

    private sealed class ImageRow
    {
        public float[] Image { get; set; } = [];
    }

    private static void ApplyOnnxModel(string modelPath, OnnxModelInfo model, string outputName, float[][] inputs)
    {
        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(ImageRow));
        schema[nameof(ImageRow.Image)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 1, 1, model.InputHeight, model.InputWidth);
        var data = ml.Data.LoadFromEnumerable(inputs.Select(i => new ImageRow { Image = i }), schema);
        var scored = ml.Transforms.CopyColumns(model.InputName, nameof(ImageRow.Image))
            .Append(ml.Transforms.ApplyOnnxModel([outputName], [model.InputName], modelPath))
            .Fit(data).Transform(data);
        using var cursor = scored.GetRowCursor(scored.Schema.Where(c => c.Name == outputName));
        var getter = cursor.GetGetter<VBuffer<float>>(scored.Schema[outputName]);
        var value = default(VBuffer<float>);
        while (cursor.MoveNext()) getter(ref value);
    }
}
