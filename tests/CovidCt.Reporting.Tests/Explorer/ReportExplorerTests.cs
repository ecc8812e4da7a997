using CovidCt.Data.Cohorts;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting.Tests.Explorer;

public sealed class ReportExplorerTests : IDisposable
{
    private readonly TempFolder _out = new();

    public void Dispose() => _out.Dispose();

    private static ModelRun Run()
    {
        var manifest = CohortManifest.Load(Repository.File("datasets", "default", "manifest.csv"));
        var control = manifest.Entries.First(e => e.Label == PatientLabel.Control);
        var depth = CohortReader.Read(control).Volume.Geometry.Depth;
        var evaluation = PipelineEvaluation.Compute([Outcomes.Patient(control.PatientId, false, Enumerable.Repeat<bool?>(false, depth).ToArray(),
            Enumerable.Range(0, depth).Select(z => Outcomes.Slice(z)).ToArray())]);
        var definition = new PipelineDefinition { ModelPath = "/models/m.onnx", ModelSha256 = new string('a', 64), Options = new PipelineOptions() };
        return new ModelRun("m", evaluation) { Provenance = new RunProvenance(definition, "unetpp", "2") };
    }

    [Fact]
    public void Report_html_carries_the_explorer_exactly_when_the_run_has_a_sweep()
    {
        var manifest = CohortManifest.Load(Repository.File("datasets", "default", "manifest.csv"));
        var run = Run();

        EvaluationReport.Write(_out.Path, run, manifest, null);
        Assert.DoesNotContain("Operating-point explorer", File.ReadAllText(_out.File("report.html")));

        EvaluationReport.Write(_out.Path, run with { Sweep = SyntheticSweep.Result(patients: 4) }, manifest, null);
        var page = File.ReadAllText(_out.File("report.html"));
        Assert.Contains("<h2>Operating-point explorer</h2>", page);
        Assert.Contains("id=\"operating-point-explorer\"", page);
        Assert.Contains("data-control=\"threshold\"", page);
    }
}
