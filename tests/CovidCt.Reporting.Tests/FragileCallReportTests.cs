using System.Text.Json;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Files;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting.Tests;

/// <summary>A fragile call (a box within 1.5 px of a split line would flip it) is marked in patients.csv, metrics.json and report.html; a firm one is not.</summary>
public sealed class FragileCallReportTests : IDisposable
{
    private static readonly CohortManifest DefaultCohort = CohortManifest.Load(Repository.File("datasets", "default", "manifest.csv"));
    private readonly TempFolder _folder = new();

    private string Out => _folder.Path;

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// A control of the default cohort with boxes in the upper right on slice indices 2 and 3, and on index 4 a box in the lower
    /// right whose centroid lies within the tolerance of the horizontal line (<paramref name="nearLine"/>) or far from it.
    /// </summary>
    internal static ModelRun Control(bool nearLine, out string patient)
    {
        var control = DefaultCohort.Entries.First(e => e.Label == PatientLabel.Control);
        patient = control.PatientId;
        var depth = CohortReader.Read(control).Volume.Geometry.Depth;
        var slices = Enumerable.Range(0, depth).Select(z => z switch
        {
            2 or 3 => Outcomes.Slice(z, (Quadrant.UpperRight, 0.9)),
            4 => new SliceResult(z, -100 + 5.0 * z, null, new SliceDetection([new LesionBox(new ImageRectangle(10, 10, 20, 20), 15, 15, 30, null, 0.8, 0.7, Quadrant.LowerRight)
            {
                NearQuadrants = nearLine ? Quadrant.UpperRight | Quadrant.LowerRight : Quadrant.LowerRight,
                FirmQuadrants = nearLine ? Quadrant.None : Quadrant.LowerRight,
            }])),
            _ => Outcomes.Slice(z),
        }).ToArray();
        var evaluation = PipelineEvaluation.Compute([Outcomes.Patient(control.PatientId, false, Enumerable.Repeat<bool?>(false, depth).ToArray(), slices)]);
        var definition = new PipelineDefinition { ModelPath = "/models/m.onnx", ModelSha256 = new string('a', 64), Options = new PipelineOptions() };
        return new ModelRun("m", evaluation) { Provenance = new RunProvenance(definition, "unetpp", "2") { CacheFolder = "/cache/x", CachedPatients = 0 } };
    }

    private const string Reason = "negative but a box within 1.5 px of a quadrant split line would complete a run in upper right (slices 3–5)";

    [Fact]
    public void A_fragile_call_is_marked_with_its_reason_in_every_file()
    {
        var run = Control(nearLine: true, out var patient);
        Assert.False(run.Evaluation.Patients[0].Result.Decision.IsPositive);

        EvaluationReport.Write(Out, run, DefaultCohort, null);

        var patients = File.ReadAllLines(Path.Combine(Out, "patients.csv"));
        Assert.EndsWith(",slices,fragile,fragile_reason", patients[0]);
        Assert.EndsWith($",1,{Reason}", patients[1]);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "metrics.json")));
        var fragile = json.RootElement.GetProperty("per_patient").GetProperty("fragile").GetProperty(patient);
        Assert.Equal("near_line_would_complete", fragile.GetProperty("reason").GetString());
        Assert.Equal("UpperRight", fragile.GetProperty("quadrant").GetString());
        Assert.Equal((2, 4), (fragile.GetProperty("first_slice_index").GetInt32(), fragile.GetProperty("last_slice_index").GetInt32()));
        Assert.Equal(1.5, fragile.GetProperty("within_pixels").GetDouble());
        Assert.Equal(Reason, fragile.GetProperty("text").GetString());
        var page = File.ReadAllText(Path.Combine(Out, "report.html"));
        Assert.Contains($"<tr class=\"fragile\"><td>{patient}</td><td>control</td><td>negative</td>", page);
        Assert.Contains("Warning: 1 patient call of 1 is fragile", page);
        Assert.Equal($"1 patient call of 1 is fragile (a box moved by 1.5 px would flip it): {patient} {Reason}", FragileCallText.Warning(run.Evaluation));
    }

    [Fact]
    public void A_firm_call_is_not_marked()
    {
        var run = Control(nearLine: false, out _);

        EvaluationReport.Write(Out, run, DefaultCohort, null);

        Assert.EndsWith(",0,", File.ReadAllLines(Path.Combine(Out, "patients.csv"))[1]);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "metrics.json")));
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("per_patient").GetProperty("fragile").ValueKind);
        Assert.Empty(json.RootElement.GetProperty("per_patient").GetProperty("fragile").EnumerateObject());
        Assert.DoesNotContain("class=\"fragile\"", File.ReadAllText(Path.Combine(Out, "report.html")));
        Assert.Null(FragileCallText.Warning(run.Evaluation));
    }

    [Fact]
    public void Detect_json_carries_the_fragile_call_and_null_for_a_firm_one()
    {
        var fragile = Control(nearLine: true, out _).Evaluation.Patients[0].Result.Decision;
        var firm = Control(nearLine: false, out _).Evaluation.Patients[0].Result.Decision;

        using var json = JsonDocument.Parse(OutputJson.Serialize(PatientRuleDocument.Of(fragile)));
        Assert.Equal("near_line_would_complete", json.RootElement.GetProperty("fragile").GetProperty("reason").GetString());
        using var none = JsonDocument.Parse(OutputJson.Serialize(PatientRuleDocument.Of(firm)));
        Assert.Equal(JsonValueKind.Null, none.RootElement.GetProperty("fragile").ValueKind);
    }
}
