using CovidCt.Benchmarks;

// Issue 9's measurements (and issue 13's evaluate, chain against the direct loop) side by side in one run. "--smoke" checks correctness only (CI); no timing is ever asserted.
var smoke = args.Contains("--smoke");
var only = Value("--only");
var model = Value("--model") ?? Path.Combine("models", "unetpp-v2.onnx");
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
    output.WriteLine(ok ? "SMOKE passed" : "SMOKE failed");
    return ok ? 0 : 1;
}

output.WriteLine($"CovidCt benchmarks, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");
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
    if (File.Exists(model)) modelTime = ScoringBenchmark.Run(output, model, images: (int)(Number("--images") ?? 16), repeats: (int)(Number("--repeats") ?? 3), gflopPerImage: Number("--gflop-per-image"), OursOptions());
    else output.WriteLine($"Scoring: {model} not found (pass --model)");
}
if (postProcessing is { } post && modelTime is { } scoring)
{
    output.WriteLine($"Post-processing (valid area + boxes + quadrants, maps at the model's output size) is {100 * post / scoring:0.0} % of the model's time per slice (target <= 5 %)");
}
if (Run("sweep")) SweepBenchmark.Run(output, slices: (int)(Number("--slices") ?? 35355), patients: 106, size: 512);
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
    return options;
}

double? Number(string option) => Value(option) is { } text ? double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

string? Value(string option)
{
    var i = Array.IndexOf(args, option);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
