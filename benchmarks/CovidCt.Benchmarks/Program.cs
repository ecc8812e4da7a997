using CovidCt.Benchmarks;

// Issue 9's measurements (and issue 13's evaluate, chain against the direct loop) side by side in one run. "--smoke" checks correctness only (CI); no timing is ever asserted.
var smoke = args.Contains("--smoke");
var only = Value("--only");
var model = Value("--model") ?? Path.Combine("models", "unetpp-v2.onnx");
// The int8 version of --model (covidct model quantize): MODEL-int8.onnx beside it unless --int8 names another.
var int8 = Value("--int8") ?? Path.Combine(Path.GetDirectoryName(model) ?? "", Path.GetFileNameWithoutExtension(model) + "-int8.onnx");
var shared = Environment.GetEnvironmentVariable("COVIDCT_SHARED_DATA");
var output = Console.Out;

if (smoke)
{
    var ok = SweepBenchmark.Smoke(output);
    if (File.Exists(model))
    {
        var difference = ScoringBenchmark.LargestDifference(model);
        output.WriteLine($"  scoring: batched scorer vs raw InferenceSession, largest difference {difference:G3}");
        ok &= difference <= 1e-5;
    }
    else
    {
        output.WriteLine($"  scoring: {model} not found, scorer agreement not checked");
    }
    if (File.Exists(int8)) ok &= Int8Benchmark.Smoke(output, int8);
    else output.WriteLine($"  int8: {int8} not found, int8 kernels not checked");
    output.WriteLine(ok ? "SMOKE passed" : "SMOKE failed");
    return ok ? 0 : 1;
}

output.WriteLine($"CovidCt benchmarks, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");
(double Fma, double MatMul)? peak = Run("peak") || Run("scoring") ? PeakBenchmark.Run(output, repeats: 5) : null;
var series = shared is null ? null : ReaderBenchmark.SeriesFolder(shared);
CovidCt.Data.CtVolume? lidc = null;
if (Run("readers"))
{
    if (series is null) output.WriteLine("Readers: not measured (set COVIDCT_SHARED_DATA to the folder holding lidc-idri/)");
    else lidc = ReaderBenchmark.Run(output, series, repeats: 3);
}
double? postProcessing = null, modelTime = null;
if (Run("postprocessing"))
{
    var outputSize = File.Exists(model) ? CovidCt.Pipelines.Models.OnnxModelInfo.Read(model).InputWidth : 128;
    postProcessing = PostProcessingBenchmark.Run(output, lidc ?? (series is null ? null : CovidCt.Data.CtReader.Read(series)), outputSize);
}
if (Run("scoring"))
{
    if (File.Exists(model)) modelTime = ScoringBenchmark.Run(output, model, images: (int)(Number("--images") ?? 16), repeats: (int)(Number("--repeats") ?? 3), gflopPerImage: Number("--gflop-per-image"), OursOptions(), peak);
    else output.WriteLine($"Scoring: {model} not found (pass --model)");
}
if (Run("int8"))
{
    if (File.Exists(model) && File.Exists(int8)) Int8Benchmark.Run(output, model, int8, images: (int)(Number("--images") ?? 16), repeats: (int)(Number("--repeats") ?? 5), OursOptions());
    else output.WriteLine($"Int8: {model} or {int8} not found (make it with covidct model quantize, or pass --int8)");
}
if (only == "memory")
{
    // One configuration per process, so the peak working set is this configuration's alone: run once per setting.
    using var scorer = new CovidCt.Pipelines.Scoring.BatchedOnnxScorer(model, options: OursOptions());
    var images = (int)(Number("--images") ?? 4);
    var length = scorer.Preprocessing.ImageLength;
    var inputs = Enumerable.Range(0, images).Select(i => Enumerable.Range(0, length).Select(p => (float)((p * 7 + i) % 97) / 97).ToArray()).ToArray();
    scorer.Score(inputs.Take(Math.Min(images, scorer.ImagesPerCall)).ToArray());
    var time = Measure.Repeat((int)(Number("--repeats") ?? 2), () => scorer.Score(inputs));
    output.WriteLine($"Memory, {Path.GetFileName(model)}: {scorer.Plan.Describe(scorer.Options.MemoryBudgetBytes)}; {time.Median / images * 1e3:0} ms/image; "
        + $"peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e9:0.00} GB   {time}");
}
if (postProcessing is { } post && modelTime is { } scoring)
{
    output.WriteLine($"Post-processing (valid area + boxes + quadrants, maps at the model's output size) is {100 * post / scoring:0.0} % of the model's time per slice (target <= 5 %)");
}
if (Run("sweep")) SweepBenchmark.Run(output, slices: (int)(Number("--slices") ?? 35355), patients: 106, size: 512);
if (only == "scoring-alone")
{
    // The yardstick of the real command (covidct evaluate --quiet on a large cohort, timed outside): the model alone on the same slices.
    var manifest = CovidCt.Data.Cohorts.CohortManifest.Load(Value("--cohort") ?? Path.Combine("datasets", "default", "manifest.csv"));
    using var alone = ScoringAlone.Prepare(model, manifest, CovidCt.Data.Cohorts.CohortSplit.Test);
    var time = Measure.Repeat((int)(Number("--repeats") ?? 1), alone.Run);
    output.WriteLine($"Scoring alone, {Path.GetFileName(model)} on {alone.Slices} test slices of {manifest.Path}: {time.Median / alone.Slices * 1e3:0.00} ms per slice   {time}");
}
if (only == "cache")
{
    var manifest = Value("--cohort") ?? Path.Combine("datasets", "default", "manifest.csv");
    CacheBenchmark.Run(output, model, CovidCt.Data.Cohorts.CohortManifest.Load(manifest), CovidCt.Data.Cohorts.CohortSplit.Test, repeats: (int)(Number("--repeats") ?? 9));
}
if (Run("evaluate"))
{
    var manifest = Value("--cohort") ?? Path.Combine("datasets", "default", "manifest.csv");
    if (File.Exists(model) && File.Exists(manifest))
    {
        EvaluateBenchmark.Run(output, model, CovidCt.Data.Cohorts.CohortManifest.Load(manifest), CovidCt.Data.Cohorts.CohortSplit.Test, repeats: (int)(Number("--repeats") ?? 5),
            caches: Value("--cache") ?? "both");
    }
    else output.WriteLine($"Evaluate: {model} or {manifest} not found (pass --model and --cohort)");
}
return 0;

bool Run(string name) => only is null || only == name;

CovidCt.Pipelines.Scoring.OnnxScoringOptions OursOptions()
{
    var options = new CovidCt.Pipelines.Scoring.OnnxScoringOptions();
    if (Number("--batch") is { } batch) options.BatchSize = (int)batch;
    if (Number("--concurrent") is { } concurrent) options.ConcurrentBatches = (int)concurrent;
    if (Number("--threads") is { } threads) options.IntraOpThreads = (int)threads;
    if (Number("--memory-budget-gb") is { } budget) options.MemoryBudgetBytes = (long)(budget * (1L << 30));
    return options;
}

double? Number(string option) => Value(option) is { } text ? double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

string? Value(string option)
{
    var i = Array.IndexOf(args, option);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
