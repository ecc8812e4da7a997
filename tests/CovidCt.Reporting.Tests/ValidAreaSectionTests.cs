using CovidCt.Data.Cohorts;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting.Tests;

public sealed class ValidAreaSectionTests : IDisposable
{
    private static readonly CohortManifest DefaultCohort = CohortManifest.Load(Repository.File("datasets", "default", "manifest.csv"));
    private readonly string _out = Path.Combine(Path.GetTempPath(), "covidct-reporting-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public void Report_html_says_how_much_lesion_area_the_valid_area_removed_in_total_and_on_which_slices()
    {
        // A COVID-19 patient of the default cohort: the step removed 150 px on slice index 2 (a lesion slice) and 40 px on index 5.
        var patient = DefaultCohort.Entries.First(e => e.Label == PatientLabel.Covid);
        var depth = CohortReader.Read(patient).Volume.Geometry.Depth;
        var slices = Enumerable.Range(0, depth).Select(z => Outcomes.Slice(z) with
        {
            Detection = new SliceDetection([], z switch { 2 => 150, 5 => 40, _ => 0 }),
        }).ToArray();
        var truth = Enumerable.Range(0, depth).Select(z => (bool?)(z == 2)).ToArray();
        var evaluation = PipelineEvaluation.Compute([Outcomes.Patient(patient.PatientId, true, truth, slices)]);
        var definition = new PipelineDefinition { ModelPath = "/models/m.onnx", ModelSha256 = new string('a', 64), Options = new PipelineOptions() };
        var run = new ModelRun("m", evaluation) { Provenance = new RunProvenance(definition, "unetpp", "2") };

        EvaluationReport.Write(_out, run, DefaultCohort, null);

        var page = File.ReadAllText(Path.Combine(_out, "report.html"));
        Assert.Contains("<h2>Valid area</h2>", page);
        Assert.Contains($"The step removed 190 pixels of predicted lesion area (probability ≥ 0.50, original pixels) on 2 of {depth} slices; 150 of them on 1 slices with a lesion in the truth.", page);
        Assert.Contains($"<tr><td>{patient.PatientId}</td><td>slice 3 of {depth}</td><td>yes</td><td>150</td><td>0</td></tr>", page);
        Assert.Contains($"<tr><td>{patient.PatientId}</td><td>slice 6 of {depth}</td><td>no</td><td>40</td><td>0</td></tr>", page);
    }
}
