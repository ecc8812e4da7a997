using System.Text.Json;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Files;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting.Tests;

public sealed class EvaluationReportTests : IDisposable
{
    private static readonly CohortManifest DefaultCohort = CohortManifest.Load(Repository.File("datasets", "default", "manifest.csv"));
    private readonly string _out = Path.Combine(Path.GetTempPath(), "covidct-reporting-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    // A control of the default cohort with one box, on slice index 3: one false positive.
    private static (ModelRun Run, CohortEntry Control) ControlWithOneFalsePositive(PipelineOptions? options = null)
    {
        var control = DefaultCohort.Entries.First(e => e.Label == PatientLabel.Control);
        var depth = CohortReader.Read(control).Volume.Geometry.Depth;
        var slices = Enumerable.Range(0, depth).Select(z => z == 3 ? Outcomes.Slice(z, (Quadrant.UpperRight, 0.8)) : Outcomes.Slice(z)).ToArray();
        var evaluation = PipelineEvaluation.Compute([Outcomes.Patient(control.PatientId, false, Enumerable.Repeat<bool?>(false, depth).ToArray(), slices)]);
        var definition = new PipelineDefinition { ModelPath = "/models/m.onnx", ModelSha256 = new string('a', 64), Options = options ?? new PipelineOptions() };
        var run = new ModelRun("m", evaluation) { Provenance = new RunProvenance(definition, "unetpp", "2") { CacheFolder = "/cache/x", CachedPatients = 1 } };
        return (run, control);
    }

    [Fact]
    public void A_notebook_writes_every_file_of_an_evaluation_with_one_call()
    {
        var (run, control) = ControlWithOneFalsePositive();

        EvaluationReport.Write(_out, run, DefaultCohort, null);

        Assert.Equal(["metrics.json", "patients.csv", "report.html", "slices.csv"], Directory.GetFiles(_out).Select(Path.GetFileName).Order());
        // The figure's file name and caption carry the 1-based slice number; the CSV the 0-based index.
        var figure = $"figures/{control.PatientId}-slice004-fp.png";
        Assert.True(File.Exists(Path.Combine(_out, figure)));
        var page = File.ReadAllText(Path.Combine(_out, "report.html"));
        Assert.Contains($"{control.PatientId}, slice 4: false positive", page);
        Assert.Contains("Calibration of the image score", page);
        var slices = File.ReadAllLines(Path.Combine(_out, "slices.csv"));
        Assert.StartsWith("patient,slice_index,position_mm,truth,decision", slices[0]);
        Assert.StartsWith($"{control.PatientId},3,", slices[4]);
        Assert.Contains("first_slice_index,last_slice_index", File.ReadAllLines(Path.Combine(_out, "patients.csv"))[0]);
    }

    [Fact]
    public void Metrics_json_is_snake_case_versioned_and_embeds_the_whole_pipeline()
    {
        var options = new PipelineOptions { LesionBoxes = new LesionBoxOptions { Threshold = 0.6, MinPixels = 40 } };
        var (run, _) = ControlWithOneFalsePositive(options);

        EvaluationReport.Write(_out, run, DefaultCohort, CohortSplit.Test, [], "note");

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "metrics.json")));
        var root = json.RootElement;
        Assert.Equal(OutputJson.SchemaVersion, root.GetProperty("schema_version").GetInt32());
        Assert.Equal("note", root.GetProperty("model_note").GetString());
        Assert.Equal("test", root.GetProperty("cohort").GetProperty("split").GetString());
        Assert.Equal(1, root.GetProperty("per_image").GetProperty("counts").GetProperty("fp").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("per_image").GetProperty("metrics").GetProperty("sensitivity").GetProperty("value").ValueKind);
        var pipeline = root.GetProperty("pipeline");
        Assert.Equal(new string('a', 64), pipeline.GetProperty("model_sha256").GetString());
        Assert.Equal(0.6, pipeline.GetProperty("options").GetProperty("lesion_boxes").GetProperty("threshold").GetDouble());
        Assert.Equal(40, root.GetProperty("settings").GetProperty("min_pixels").GetInt32());
        Assert.Equal(1, root.GetProperty("probability_cache").GetProperty("patients_from_cache").GetInt32());
    }

    [Fact]
    public void Output_json_writes_non_finite_numbers_as_null_and_names_in_snake_case()
    {
        var text = OutputJson.Serialize(new McNemarDocument(3, 2, 1, double.NaN, double.PositiveInfinity));

        using var json = JsonDocument.Parse(text);
        Assert.Equal(2, json.RootElement.GetProperty("only_a_correct").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("p_value").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("mid_p_value").ValueKind);
    }

    [Fact]
    public void A_run_without_provenance_cannot_be_reported_and_the_error_names_it()
    {
        var (run, _) = ControlWithOneFalsePositive();

        var error = Assert.Throws<InvalidOperationException>(() => EvaluationReport.Write(_out, run with { Provenance = null }, DefaultCohort, null, [], null));

        Assert.Contains("run 'm' has no provenance", error.Message);
    }
}
