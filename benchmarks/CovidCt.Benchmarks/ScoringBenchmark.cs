using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;

namespace CovidCt.Benchmarks;

/// <summary>
/// Item 1: the same model and inputs through our batched scorer, a raw ONNX Runtime session (batch 1 and larger batches) and
/// ML.NET's ApplyOnnxModel (one row per call). Every alternative gets the same threads, set explicitly (all cores), since
/// ONNX Runtime's default used one of the two cores here; the raw session at its default threads is kept beside them to show that.
/// </summary>
internal static class ScoringBenchmark
{
    /// <summary>Prints the comparison; returns our time per image in milliseconds.</summary>
    /// <param name="oursOptions">Our scorer's options (the defaults unless --batch or --concurrent are given).</param>
    /// <param name="gflopPerImage">The model's GFLOP per image counted from its graph (benchmarks/onnx_flops.py), to report achieved GFLOP/s; null to skip.</param>
    /// <remarks>The alternatives take turns within each repeat (after one warm-up run each, in a new random order each repeat, each after a garbage collection and a pause), so drift in the machine's speed
    /// (other work, clock, thread pools settling) falls on all of them alike instead of on whichever ran first.</remarks>
    /// <param name="peak">The machine's measured peaks (<see cref="PeakBenchmark"/>), to report achieved GFLOP/s as a fraction of each; null to skip.</param>
    public static double Run(TextWriter output, string modelPath, int images, int repeats, double? gflopPerImage, OnnxScoringOptions oursOptions, (double Fma, double MatMul)? peak)
    {
        var model = OnnxModelInfo.Read(modelPath);
        var inputs = Inputs(images, model.InputWidth * model.InputHeight, seed: 1);
        output.WriteLine($"Scoring {Path.GetFileName(modelPath)} ({model.InputWidth}x{model.InputHeight}), {images} images, {Environment.ProcessorCount} logical CPUs, alternatives interleaved:");
        using var ours = new BatchedOnnxScorer(modelPath, options: oursOptions);
        output.WriteLine($"  ours runs {ours.Plan.Describe(ours.Options.MemoryBudgetBytes)}");
        using var allCores = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount };
        using var session = new InferenceSession(modelPath, allCores);
        using var defaultThreads = new InferenceSession(modelPath);
        var output0 = ours.OutputNames[0];
        var alternatives = new List<(string Name, Action Run)>
        {
            ($"ours ({ours.Plan.ConcurrentBatches} x batch {ours.Plan.BatchSize} x {ours.Plan.IntraOpThreads} threads)", () => ours.Score(inputs)),
            ("raw, batch 1, ORT default threads", () => RawBatches(defaultThreads, model, output0, inputs, 1)),
        };
        foreach (var batch in new[] { 1, 2, 4, 8, 16 }.Where(b => b <= images))
        {
            alternatives.Add(($"raw, batch {batch}, {Environment.ProcessorCount} threads", () => RawBatches(session, model, output0, inputs, batch)));
        }
        // The raw runtime tuned the way ours runs by default: one thread per operator, one batch of 1 per core at once.
        using var singleThreaded = new InferenceSession(modelPath, new SessionOptions { IntraOpNumThreads = 1 });
        var cores = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        alternatives.Add(($"raw, 1 thread x {Environment.ProcessorCount} concurrent, batch 1", () =>
            Parallel.ForEach(inputs, cores, image => RawBatches(singleThreaded, model, output0, [image], 1))));
        alternatives.Add(($"ML.NET ApplyOnnxModel, {Environment.ProcessorCount} threads", () => ApplyOnnxModel(modelPath, model, output0, inputs)));
        foreach (var (_, run) in alternatives) run();
        var seconds = alternatives.Select(_ => new double[repeats]).ToArray();
        var random = new Random(7);
        for (var r = 0; r < repeats; r++)
        {
            // Each repeat runs the alternatives in a new random order, so none always follows the same one; before each turn
            // the previous one's garbage is collected and its ONNX Runtime threads are given time to stop spinning.
            var order = Enumerable.Range(0, alternatives.Count).ToArray();
            random.Shuffle(order);
            foreach (var a in order)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Thread.Sleep(200);
                seconds[a][r] = Measure.Seconds(alternatives[a].Run);
            }
        }
        var times = seconds.Select(s => new Timing(s)).ToArray();
        var oursTime = times[0];
        for (var a = 0; a < alternatives.Count; a++) Report(output, alternatives[a].Name, images, times[a], oursTime);
        var raw = Enumerable.Range(1, alternatives.Count - 2).MinBy(a => times[a].Median);
        var apply = times[^1];
        output.WriteLine($"  ours / best raw ({alternatives[raw].Name}) = {times[raw].Median / oursTime.Median:0.00} (target >= 0.95); ours / ApplyOnnxModel = {apply.Median / oursTime.Median:0.00} (target >= 1.3)");
        if (gflopPerImage is { } gflop)
        {
            output.WriteLine($"  achieved: {gflop * images / oursTime.Median:0.0} GFLOP/s ours, {gflop * images / times[raw].Median:0.0} GFLOP/s best raw ({gflop:0.000} GFLOP per image from the graph)");
            if (peak is { } p)
            {
                var achieved = gflop * images / oursTime.Median;
                output.WriteLine($"  ours is {100 * achieved / p.Fma:0} % of the FMA peak and {100 * achieved / p.MatMul:0} % of ONNX Runtime's MatMul (target >= 70 % of MatMul on the study model)");
            }
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
        // Disposed so that its ONNX Runtime session and thread pool do not linger into the other alternatives' turns.
        using var transformer = ml.Transforms.CopyColumns(model.InputName, nameof(ImageRow.Image))
            .Append(ml.Transforms.ApplyOnnxModel(CovidCt.Pipelines.Catalog.PipelinesCatalog.ApplyOnnxModelOptions(modelPath, model.InputName, outputName, new OnnxScoringOptions(), Environment.ProcessorCount)))
            .Fit(data);
        var scored = transformer.Transform(data);
        using var cursor = scored.GetRowCursor(scored.Schema.Where(c => c.Name == outputName));
        var getter = cursor.GetGetter<VBuffer<float>>(scored.Schema[outputName]);
        var value = default(VBuffer<float>);
        while (cursor.MoveNext()) getter(ref value);
    }
}
