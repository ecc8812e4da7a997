// 02 · Evaluate a model on a cohort, as a .NET 10 file-based app: the steps of 02-evaluate-model.dib, written to one
// self-contained HTML page (artifacts/notebooks/02-evaluate-model.html, or the path given as the first argument).
// Run from the repository root:  dotnet run -c Release notebooks/02-evaluate-model.cs
#:project ../src/CovidCt.Interactive/CovidCt.Interactive.csproj
#:property PublishAot=false

using CovidCt.Data.Cohorts;
using CovidCt.Interactive.Figures;
using CovidCt.Interactive.Pages;
using CovidCt.Interactive.Workspace;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting;
using CovidCt.Reporting.Plots;
using CovidCt.Reporting.Runs;
using Microsoft.ML;

var workspace = NotebookWorkspace.Find(AppContext.GetData("EntryPointFileDirectoryPath") as string);
var output = args.Length > 0 ? args[0] : Path.Combine(workspace.Root, "artifacts", "notebooks", "02-evaluate-model.html");
var page = new NotebookPage("02 · Evaluate a model on a cohort");

var manifest = workspace.Cohort();
CohortSplit? split = manifest.Entries.Any(e => e.Split == CohortSplit.Test) ? CohortSplit.Test : null;
var modelPath = workspace.Model("unetpp-v2");
page.Heading("Reproducibility").Show(Reproducibility.Record(modelPath, manifest));

page.Heading("The cohort through the pipeline");
var definition = PipelineDefinition.Create(modelPath, new PipelineOptions());
var cache = new ProbabilityCacheOptions(workspace.CacheFolder, CohortFingerprint.Compute(manifest));
var ml = new MLContext(seed: 1);
var slices = SliceDataView.FromCohort(ml, manifest, split);
using var chain = ml.CovidCt().DetectCovidLesions(definition, cache).Fit(slices);
var outcomes = ml.Data.CreateEnumerable<PatientRow>(chain.Transform(slices), reuseRowObject: false).Select(p => p.Outcome()).ToList();
page.Text($"{Path.GetFileName(modelPath)} on {outcomes.Count} patients ({split?.ToString() ?? "every"} split of {manifest.Path}), {outcomes.Sum(o => o.Result.Slices.Count)} slices");

page.Heading("The study's two tables, with intervals");
var evaluation = PipelineEvaluation.Compute(outcomes);
page.Show(evaluation);

page.Heading("The steps one by one");
var first = CohortReader.Read(manifest.Entries.First(e => split is null || e.Split == split));
var patientSlices = SliceDataView.Load(ml, SliceDataView.Rows(first.Entry.PatientId, first.Entry.Label == PatientLabel.Covid, first.Volume, first.SliceTruth));
using var steps = ml.CovidCt().PreprocessCtSlices(new PreprocessCtSlicesOptions { ModelFile = modelPath })
    .Append(ml.CovidCt().ScoreLesions(new ScoreLesionsOptions { ModelFile = modelPath }))
    .Append(ml.CovidCt().ApplyValidArea(new ApplyValidAreaOptions()))
    .Append(ml.CovidCt().DetectLesionBoxes(new DetectLesionBoxesOptions()))
    .Append(ml.CovidCt().ApplyPatientRule(new ApplyPatientRuleOptions()))
    .Fit(patientSlices);
var mlnet = ml.Data.CreateEnumerable<PatientRow>(steps.Transform(patientSlices), reuseRowObject: false).Single();
var bulk = outcomes.Single(o => o.Result.PatientId == mlnet.PatientId).Result.Decision;
page.Show(new[]
{
    new { Path = "steps one by one (raw maps)", mlnet.PatientId, Positive = mlnet.IsPositive, Score = Math.Round(mlnet.Score, 3), mlnet.PositiveSlices },
    new { Path = "DetectCovidLesions (cache)", mlnet.PatientId, Positive = bulk.IsPositive, Score = Math.Round(bulk.Score, 3), bulk.PositiveSlices },
});

page.Heading("ROC curves");
page.Show(evaluation.ImageRoc is { } imageRoc
    ? Charts.Roc("ROC of unetpp-v2, per patient and per image", ("per patient", evaluation.PatientRoc), ("per image", imageRoc))
    : Charts.Roc("ROC of unetpp-v2, per patient", ("per patient", evaluation.PatientRoc)));

page.Heading("What the model got wrong").Show(SliceGallery.Errors(evaluation, manifest, perKind: 4));

page.Heading("Per-patient quadrant timelines");
foreach (var outcome in evaluation.Patients) page.Show(outcome);

page.Heading("The report, as covidct evaluate writes it");
var run = new ModelRun(Path.GetFileNameWithoutExtension(modelPath), evaluation)
{
    Provenance = RunProvenance.Describe(definition, chain.OfType<LesionScoringTransformer>().Single().Scoring),
};
var reportFolder = Path.Combine(workspace.Root, "out", "notebook-02");
EvaluationReport.Write(reportFolder, run, manifest, split);
page.Text($"Wrote {Path.Combine(reportFolder, EvaluationReport.PageName)}");

Console.WriteLine($"Wrote {page.Write(output)}");
