using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using CovidCt.Testing.Fixtures;
using Microsoft.ML.OnnxRuntime;

namespace CovidCt.Benchmarks;

/// <summary>
/// The machine's measured peak, so that achieved GFLOP/s are a fraction of something real rather than of a datasheet figure:
/// an FMA kernel (independent 256-bit fused multiply-adds on every core, the most a core can do in fp32) and ONNX Runtime's
/// own 2048 x 2048 MatMul on every core (what its best-tuned kernel reaches with real memory traffic).
/// </summary>
internal static class PeakBenchmark
{
    private const int MatMulSize = 2048;

    /// <summary>Prints both peaks; returns (FMA, MatMul) in GFLOP/s, medians of <paramref name="repeats"/> after a warm-up.</summary>
    public static (double Fma, double MatMul) Run(TextWriter output, int repeats)
    {
        var cores = Environment.ProcessorCount;
        double fma = 0;
        if (Fma.IsSupported && Vector256.IsHardwareAccelerated)
        {
            const long iterations = 20_000_000;
            // 10 accumulators x 8 lanes x 2 flops (multiply and add) per iteration, on every core.
            var flops = (double)iterations * 10 * 8 * 2 * cores;
            FmaOnEveryCore(iterations / 10, cores);
            var time = Measure.Repeat(repeats, () => FmaOnEveryCore(iterations, cores));
            fma = flops / time.Median / 1e9;
            output.WriteLine($"Peak, FMA kernel (256-bit, {cores} threads): {fma:0.0} GFLOP/s   {time}");
        }
        else output.WriteLine("Peak, FMA kernel: not measured (no FMA/AVX2 on this CPU)");
        using var folder = new Testing.TempFolder();
        var model = new OnnxGraph().Input("a", MatMulSize, MatMulSize).Input("b", MatMulSize, MatMulSize).Output("c", MatMulSize, MatMulSize)
            .Node("MatMul", ["a", "b"], ["c"]).Save(Path.Combine(folder.Path, "matmul.onnx"));
        using var options = new SessionOptions { IntraOpNumThreads = cores };
        using var session = new InferenceSession(model, options);
        var random = new Random(3);
        var data = Enumerable.Range(0, MatMulSize * MatMulSize).Select(_ => (float)random.NextDouble()).ToArray();
        using var a = OrtValue.CreateTensorValueFromMemory(data, [MatMulSize, MatMulSize]);
        using var b = OrtValue.CreateTensorValueFromMemory(data, [MatMulSize, MatMulSize]);
        void RunOnce()
        {
            using var runOptions = new RunOptions();
            using var result = session.Run(runOptions, ["a", "b"], [a, b], ["c"]);
        }
        RunOnce();
        var matMulTime = Measure.Repeat(repeats, RunOnce);
        var matMul = 2.0 * MatMulSize * MatMulSize * MatMulSize / matMulTime.Median / 1e9;
        output.WriteLine($"Peak, ONNX Runtime MatMul {MatMulSize}x{MatMulSize} ({cores} threads): {matMul:0.0} GFLOP/s   {matMulTime}");
        return (fma, matMul);
    }

    private static void FmaOnEveryCore(long iterations, int cores) =>
        Parallel.For(0, cores, new ParallelOptions { MaxDegreeOfParallelism = cores }, core => GC.KeepAlive(FmaKernel(iterations, core)));

    // Ten independent chains hide the FMA latency (4-5 cycles at 2 per cycle); the result is returned so nothing is elided.
    private static float FmaKernel(long iterations, int seed)
    {
        var m = Vector256.Create(0.999999f);
        var c = Vector256.Create(1e-7f);
        var (x0, x1, x2, x3, x4) = (Vector256.Create(seed + 1f), Vector256.Create(seed + 2f), Vector256.Create(seed + 3f), Vector256.Create(seed + 4f), Vector256.Create(seed + 5f));
        var (x5, x6, x7, x8, x9) = (Vector256.Create(seed + 6f), Vector256.Create(seed + 7f), Vector256.Create(seed + 8f), Vector256.Create(seed + 9f), Vector256.Create(seed + 10f));
        for (long i = 0; i < iterations; i++)
        {
            x0 = Fma.MultiplyAdd(x0, m, c); x1 = Fma.MultiplyAdd(x1, m, c); x2 = Fma.MultiplyAdd(x2, m, c); x3 = Fma.MultiplyAdd(x3, m, c); x4 = Fma.MultiplyAdd(x4, m, c);
            x5 = Fma.MultiplyAdd(x5, m, c); x6 = Fma.MultiplyAdd(x6, m, c); x7 = Fma.MultiplyAdd(x7, m, c); x8 = Fma.MultiplyAdd(x8, m, c); x9 = Fma.MultiplyAdd(x9, m, c);
        }
        return Vector256.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9);
    }
}
