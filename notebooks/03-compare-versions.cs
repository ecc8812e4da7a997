// 03 · Compare model versions, as a .NET 10 file-based app: the steps of 03-compare-versions.dib, written to one
// self-contained HTML page (artifacts/notebooks/03-compare-versions.html, or the path given as the first argument).
// Run from the repository root:  dotnet run -c Release notebooks/03-compare-versions.cs
#:project ../src/CovidCt.Interactive/CovidCt.Interactive.csproj
#:property PublishAot=false

using CovidCt.Data.Cohorts;
using CovidCt.Interactive.Figures;
using CovidCt.Interactive.Pages;
using CovidCt.Interactive.Workspace;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Plots;
using CovidCt.Reporting.Runs;

var workspace = NotebookWorkspace.Find(AppContext.GetData("EntryPointFileDirectoryPath") as string);
var output = args.Length > 0 ? args[0] : Path.Combine(workspace.Root, "artifacts", "notebooks", "03-compare-versions.html");
var page = new NotebookPage("03 · Compare model versions");

var manifest = workspace.Cohort();
CohortSplit? split = manifest.Entries.Any(e => e.Split == CohortSplit.Test) ? CohortSplit.Test : null;
string[] models = ["unetpp-v1", "unetpp-v2", "unet-baseline"];
page.Heading("Reproducibility").Show(Reproducibility.Record(manifest: manifest));
page.Show(new ReproducibilityRecord(models.Select(m => Reproducibility.Record(workspace.Model(m)).Items.Single(i => i.Item == "model SHA-256") with { Item = $"{m} SHA-256" }).ToArray()));

ModelRun Evaluate(string name)
{
    using var pipeline = new DetectionPipeline(workspace.Model(name));
    // Boxes are matched against the truth masks while each patient is in memory: the lesion-level (JAFROC) row needs them.
    var lesions = new LesionTally();
    var outcomes = CohortDetection.Run(pipeline, manifest, split, workspace.Cache(pipeline, manifest), onPatient: lesions.Add);
    return new ModelRun(name, PipelineEvaluation.Compute(outcomes))
    {
        Lesions = lesions.Evaluate(),
        Provenance = RunProvenance.Describe(PipelineDefinition.Create(pipeline.ModelPath, pipeline.Options), pipeline.Scoring),
    };
}

var runs = models.Select(Evaluate).ToArray();
page.Heading("Three models on the same patients")
    .Text($"{string.Join(", ", runs.Select(r => r.Name))} on {runs[0].Evaluation.Patients.Count} patients ({split?.ToString() ?? "every"} split of {manifest.Path})");

page.Heading("ROC curves")
    .Show(Charts.Roc("Per-image ROC of three models", runs.Where(r => r.Evaluation.ImageRoc is not null).Select(r => (r.Name, r.Evaluation.ImageRoc!)).ToArray()))
    .Show(Charts.Roc("Per-patient ROC of three models", runs.Select(r => (r.Name, r.Evaluation.PatientRoc)).ToArray()));

page.Heading("One comparison");
var comparison = ModelComparison.Compute(runs);
page.Show(comparison);

page.Heading("The patients the models disagree on");
foreach (var patient in comparison.DisagreeingPatients)
{
    page.Show(SliceGallery.DecidingRuns(comparison, patient, manifest));
    foreach (var (model, outcome) in comparison.OutcomesOf(patient)) page.Text(model).Show(outcome);
}

Console.WriteLine($"Wrote {page.Write(output)}");
