using CovidCt.Pipelines.Models.Quantization;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Benchmarks;

/// <summary>
/// Issue 20's int8 row: a float model and its int8 version (<c>covidct model quantize</c>) through our scorer with the same
/// options, interleaved, on the same inputs; the ratio of medians is the int8 speed-up. The load average is printed before and
/// after, since on a shared machine a ratio is only as good as the load it was taken under.
/// </summary>
internal static class Int8Benchmark
{
    /// <summary>Prints both timings and int8's speed-up over the float model.</summary>
    public static void Run(TextWriter output, string floatModel, string int8Model, int images, int repeats, OnnxScoringOptions options)
    {
        output.WriteLine($"Int8: {Path.GetFileName(int8Model)} against {Path.GetFileName(floatModel)}, {images} images, our scorer on both, interleaved; load average {LoadAverage()}");
        using var fp32 = new BatchedOnnxScorer(floatModel, options: options);
        using var int8 = new BatchedOnnxScorer(int8Model, options: options);
        var inputs = Inputs(images, fp32.Preprocessing.ImageLength);
        var scorers = new[] { ("fp32", fp32), ("int8", int8) };
        foreach (var (_, scorer) in scorers) scorer.Score(inputs);
        var seconds = new[] { new double[repeats], new double[repeats] };
        for (var r = 0; r < repeats; r++)
        {
            // Alternate which goes first, so neither always runs in the other's wake.
            foreach (var s in r % 2 == 0 ? new[] { 0, 1 } : [1, 0])
            {
                GC.Collect();
                Thread.Sleep(200);
                seconds[s][r] = Measure.Seconds(() => scorers[s].Item2.Score(inputs));
            }
        }
        var (f, q) = (new Timing(seconds[0]), new Timing(seconds[1]));
        output.WriteLine($"  fp32 {f.Median / images * 1e3,9:0.0} ms/image   {f}");
        output.WriteLine($"  int8 {q.Median / images * 1e3,9:0.0} ms/image   {q}");
        output.WriteLine($"  int8 is {f.Median / q.Median:0.00}x fp32 (ratio of medians; issue 20's target on the study model >= 2.3x); load average after {LoadAverage()}");
    }

    /// <summary>Smoke: the int8 model runs through our scorer, gives probabilities, and ONNX Runtime runs its convolutions as quantised kernels.</summary>
    public static bool Smoke(TextWriter output, string int8Model)
    {
        var fusion = KernelFusion.Of(OnnxModelFile.Read(int8Model));
        using var scorer = new BatchedOnnxScorer(int8Model);
        var maps = scorer.Score(Inputs(2, scorer.Preprocessing.ImageLength));
        var probabilities = maps.All(m => m.Values.All(v => v is >= 0 and <= 1));
        output.WriteLine($"  int8: {Path.GetFileName(int8Model)} has {fusion.QuantisedConvs} quantised convolutions (QLinearConv) and {fusion.FloatConvs} float after ONNX Runtime's optimiser; outputs {(probabilities ? "are" : "are NOT")} probabilities");
        return fusion.QuantisedConvs > 0 && probabilities;
    }

    // Smooth images in [0, 1] (a lung window's range), the same for both models.
    private static float[][] Inputs(int count, int length)
    {
        var random = new Random(3);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, length).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
