using System.Text.Json;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using Microsoft.ML;

namespace CovidCt.Cli.Tests;

/// <summary>
/// <c>evaluate</c>, <c>compare</c> and <c>detect</c> with <c>--pipeline</c> over non-default definitions give exactly the ML.NET
/// chain's decisions, per slice and per patient (evaluate and compare through the cache, detect on raw maps like the chain without it).
/// </summary>
public sealed class PipelineParityTests : IDisposable
{
    private readonly TestModels _models = new();
    private readonly string _manifest;
    private readonly string _cache;

    public PipelineParityTests()
    {
        _manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort")).Path;
        _cache = Path.Combine(_models.Folder, "cache");
    }

    public void Dispose() => _models.Dispose();

    /// <summary>threshold, min pixels, min mm² (or none), k, same quadrant, valid area (hu, model, none).</summary>
    public static TheoryData<double, int, double?, int, bool, string> Grid => new()
    {
        { 0.3, 10, null, 2, false, "hu" },
        { 0.7, 0, 30.0, 1, true, "model" },
        { 0.5, 0, null, 3, true, "none" },
    };

    private string Definition(string name, double threshold, int minPixels, double? minArea, int k, bool sameQuadrant, string validArea)
    {
        var options = ParityOptions.Of(_models, threshold, minPixels, minArea, k, sameQuadrant, validArea);
        var path = Path.Combine(_models.Folder, name);
        PipelineDefinition.Create(_models.Lesion(32), options).Save(path);
        return path;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Evaluate_compare_and_detect_give_the_chains_decisions(double threshold, int minPixels, double? minArea, int k, bool sameQuadrant, string validArea)
    {
        var path = Definition("pipeline.json", threshold, minPixels, minArea, k, sameQuadrant, validArea);
        var manifest = CohortManifest.Load(_manifest);
        using var chain = new CohortDetection(new MLContext(), PipelineDefinition.Load(path), new ProbabilityCacheOptions(_cache, CohortFingerprint.Compute(manifest)));
        var expected = chain.Run(manifest);

        var outFolder = Path.Combine(_models.Folder, "out");
        var evaluate = CliRun.Of("evaluate", "--pipeline", path, "--cohort", _manifest, "--out", outFolder, "--cache", _cache, "--quiet");
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        var slices = File.ReadAllLines(Path.Combine(outFolder, "slices.csv")).Skip(1).Select(l => l.Split(',')).Select(c => (c[0], int.Parse(c[1]), c[4] == "1", int.Parse(c[6])));
        Assert.Equal(expected.SelectMany(p => p.Result.Slices.Select(s => (p.Result.PatientId, s.Index, s.Detection.IsPositive, s.Detection.Boxes.Count))), slices);
        var patients = File.ReadAllLines(Path.Combine(outFolder, "patients.csv")).Skip(1).Select(l => l.Split(',')).Select(c => (c[0], c[2] == "1", int.Parse(c[8])));
        Assert.Equal(expected.Select(p => (p.Result.PatientId, p.Result.Decision.IsPositive, p.Result.Decision.PositiveSlices)), patients);

        var study = Definition("study.json", 0.5, 25, null, 3, true, "hu");
        var compare = CliRun.Of("compare", "--pipeline", path, "--pipeline", study, "--cohort", _manifest, "--cache", _cache, "--json");
        Assert.True(compare.ExitCode == 0, compare.Error);
        using (var json = JsonDocument.Parse(compare.Output))
        {
            var counts = json.RootElement.GetProperty("models")[0].GetProperty("per_patient").GetProperty("counts");
            var evaluation = PipelineEvaluation.Compute(expected);
            Assert.Equal((evaluation.PatientCounts.TruePositives, evaluation.PatientCounts.FalsePositives), (counts.GetProperty("tp").GetInt32(), counts.GetProperty("fp").GetInt32()));
        }

        // detect reads one volume without the cache: the chain without the cache on the same patient.
        var p1 = CohortReader.ReadPatients(manifest).First();
        using var uncached = new CohortDetection(new MLContext(), PipelineDefinition.Load(path));
        var raw = uncached.Run(manifest).First();
        var detect = CliRun.Of("detect", p1.Entry.ImagesPath, "--pipeline", path, "--out", Path.Combine(_models.Folder, "figures"), "--json");
        Assert.True(detect.ExitCode == 0, detect.Error);
        using var detected = JsonDocument.Parse(detect.Output);
        var boxes = detected.RootElement.GetProperty("detections").EnumerateArray().Select(d => d.GetProperty("boxes").GetArrayLength());
        Assert.Equal(raw.Result.Slices.Select(s => s.Detection.Boxes.Count), boxes);
        Assert.Equal(raw.Result.Decision.IsPositive, detected.RootElement.GetProperty("patient_rule").GetProperty("positive").GetBoolean());
    }

    [Fact]
    public void Pipeline_and_model_together_are_a_usage_error()
    {
        var path = Definition("pipeline.json", 0.5, 25, null, 3, true, "hu");
        var run = CliRun.Of("evaluate", "--pipeline", path, "--model", _models.Lesion(32), "--cohort", _manifest, "--out", Path.Combine(_models.Folder, "out"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--pipeline or --model", run.Error);
    }
}
