using CovidCt.Cli.Commands;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Files;
using CovidCt.Reporting.Runs;

namespace CovidCt.Cli.Tests;

/// <summary>
/// <c>covidct evaluate</c> warns before the per-patient numbers when a call is fragile (a box within 1.5 px of a quadrant split
/// line would flip it), with the count and the reason, and --json carries it; a firm cohort prints no such line.
/// </summary>
public sealed class FragileCallConsoleTests
{
    private static readonly CohortManifest DefaultCohort = CohortManifest.Load(Repository.File("datasets", "default", "manifest.csv"));

    // Three slices with boxes: two in the upper right, then one in the lower right whose centroid may lie near the horizontal line.
    private static EvaluateResult Run(bool nearLine) => Evaluated("m", nearLine, Quadrant.LowerRight);

    // As Run, with the third slice's box in the given quadrant: in the upper right it completes the run, a firm positive call.
    private static EvaluateResult Evaluated(string name, bool nearLine, Quadrant third)
    {
        static SliceResult Slice(int z, Quadrant quadrant, Quadrant near, Quadrant firm) => new(z, 2.5 * z, null,
            new SliceDetection([new LesionBox(new ImageRectangle(10, 10, 20, 20), 15, 15, 30, null, 0.9, 0.8, quadrant) { NearQuadrants = near, FirmQuadrants = firm }]));
        var lower = nearLine ? Quadrant.UpperRight | Quadrant.LowerRight : Quadrant.LowerRight;
        SliceResult[] slices = [Slice(0, Quadrant.UpperRight, Quadrant.UpperRight, Quadrant.UpperRight), Slice(1, Quadrant.UpperRight, Quadrant.UpperRight, Quadrant.UpperRight),
            Slice(2, third, third == Quadrant.LowerRight ? lower : third, nearLine ? Quadrant.None : third), new(3, 7.5, null, new SliceDetection([]))];
        var result = new PatientResult("ctl-1", slices, PatientRule.Evaluate(slices.Select(s => s.Detection).ToArray(), new PatientRuleOptions()));
        var evaluation = PipelineEvaluation.Compute([new PatientOutcome(result, false, [false, false, false, false])]);
        var definition = new PipelineDefinition { ModelPath = "/models/m.onnx", ModelSha256 = new string('a', 64), Options = new PipelineOptions() };
        var run = new ModelRun(name, evaluation) { Provenance = new RunProvenance(definition, "unetpp", "2") { CacheFolder = "/cache/x" } };
        return new EvaluateResult(run, EvaluationDocument.Of(run, DefaultCohort, null, null), 0);
    }

    private static string Console(EvaluateResult result, bool json)
    {
        var settings = new EvaluateSettings(ProportionInterval.Wilson, 0.95, json, false, result.Run.RequireProvenance().Pipeline, null, DefaultCohort, null, "/tmp/out", "/tmp/cache");
        using var output = new StringWriter();
        EvaluateConsole.Write(output, settings, result);
        return output.ToString();
    }

    [Fact]
    public void A_fragile_call_is_a_warning_line_before_the_per_patient_numbers()
    {
        var text = Console(Run(nearLine: true), json: false);

        var warning = "Warning: 1 patient call of 1 is fragile (a box moved by 1.5 px would flip it): ctl-1 negative but a box within 1.5 px of a quadrant split line would complete a run in upper right (slices 1–3)";
        Assert.Contains(warning, text);
        Assert.True(text.IndexOf(warning, StringComparison.Ordinal) < text.IndexOf("Per patient (1 patient)", StringComparison.Ordinal), text);
        Assert.Contains("\"near_line_would_complete\"", Console(Run(nearLine: true), json: true));
    }

    [Fact]
    public void A_firm_cohort_prints_no_fragile_line()
    {
        // (Not the bare word: this checkout's path may hold it.)
        Assert.DoesNotContain("is fragile", Console(Run(nearLine: false), json: false));
    }

    [Fact]
    public void Compare_warns_of_a_fragile_call_and_marks_it_where_the_models_disagree()
    {
        // Model m's negative call is fragile; model n, whose third box lies in the upper right, is firmly positive.
        var runs = new[] { Evaluated("m", nearLine: true, Quadrant.LowerRight).Run, Evaluated("n", nearLine: false, Quadrant.UpperRight).Run };
        var comparison = ModelComparison.Compute(runs);
        var definitions = runs.Select(r => r.RequireProvenance().Pipeline).ToArray();
        string Compare(bool json)
        {
            var settings = new CompareSettings(ProportionInterval.Wilson, 0.95, json, false, definitions, DefaultCohort, null, "/tmp/cache") { PipelineFiles = [null, null] };
            using var output = new StringWriter();
            CompareConsole.Write(output, settings, new CompareRun(comparison, null));
            return output.ToString();
        }

        var text = Compare(json: false);
        var json = Compare(json: true);

        var warning = "Warning: m: 1 patient call of 1 is fragile (a box moved by 1.5 px would flip it): ctl-1 negative but";
        Assert.Contains(warning, text);
        Assert.DoesNotContain("Warning: n:", text);
        Assert.True(text.IndexOf(warning, StringComparison.Ordinal) < text.IndexOf("Per patient", StringComparison.Ordinal), text);
        Assert.Single(text.Split('\n'), l => l.Contains("ctl-1", StringComparison.Ordinal) && l.Contains("negative (fragile)", StringComparison.Ordinal)
            && l.Contains("positive", StringComparison.Ordinal) && !l.Contains("positive (fragile)", StringComparison.Ordinal));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var disagreement = Assert.Single(document.RootElement.GetProperty("disagreements").EnumerateArray());
        var fragile = disagreement.GetProperty("fragile");
        Assert.Equal("near_line_would_complete", fragile.GetProperty("m").GetProperty("reason").GetString());
        Assert.False(fragile.TryGetProperty("n", out _));
    }
}
