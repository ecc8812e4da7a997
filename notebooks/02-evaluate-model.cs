// 02 · Evaluate a model on a cohort, as a .NET 10 file-based app: the steps of 02-evaluate-model.dib, written to one
// self-contained HTML page (artifacts/notebooks/02-evaluate-model.html, or the path given as the first argument).
// Run from the repository root:  dotnet run -c Release notebooks/02-evaluate-model.cs
#:project ../src/CovidCt.Interactive/CovidCt.Interactive.csproj
#:property PublishAot=false

using CovidCt.Data.Cohorts;
using CovidCt.Interactive.Figures;
using CovidCt.Interactive.Pages;
using CovidCt.Interactive.Workspace;
using CovidCt.Metrics;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Conventions;
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

page.Heading("Lesion level: the FROC");
page.Text("Every true lesion (an 8-connected component of a slice's truth mask) counts once: a box finds it when it overlaps it, and a box that finds none "
    + "is a false positive. The FROC plots the share of lesions found against the false positives per image as the threshold on the box scores falls; "
    + "the usual reading points, 1/8 to 8 false positives per image, are marked on its log axis. It ends at the pipeline's own box threshold (0.50): below it no box exists.");
page.Text("Read it with care on a small cohort: lesions of one slice, and slices of one patient, are not independent, so the curve is less certain than its "
    + "number of lesions suggests, and with few lesions it moves in visible steps. The default cohort's lesions are synthetic.");
// Lesions need the masks: each patient of the split is read again and its boxes matched against its truth mask.
var tally = new LesionTally(LesionHitCriterion.Overlap);
foreach (var entry in manifest.InSplit(split)) tally.Add(CohortReader.Read(entry), outcomes.Single(o => o.Result.PatientId == entry.PatientId));
var lesions = tally.Evaluate();
page.Text(LesionText.Describe(lesions));
if (lesions.Froc is { } froc) page.Show(Charts.Froc($"FROC of unetpp-v2: {lesions.Lesions.Count} lesions on {lesions.Slices.Count} slices", ("unetpp-v2", froc)));
else page.Text("No FROC: the split has no lesion or no slice with a known truth.");

page.Heading("Calibration: can the image score be read as a probability?");
page.Text("The reliability diagram groups the slices by their image score (the highest pixel probability inside the lung fields) in ten bins of width 0.1 and "
    + "plots each bin's mean score against the share of its slices that really hold a lesion, with 95% Wilson intervals. A calibrated score lies on the diagonal; "
    + "points below it mean the score overstates the chance of a lesion. A detector can rank slices well (high AUC) and still be badly calibrated: the score is a "
    + "maximum over thousands of pixels, not a probability of the slice.");
page.Text("Small n: a bin with a handful of slices has a wide interval, and an empty bin is not drawn. The intervals also take the slices as independent, while "
    + "slices of one patient are not; with a dozen patients treat the diagram as a sketch.");
var imageCases = ComparedCases.Of(evaluation, ComparisonLevel.Image);
page.Show(Charts.Calibration("Reliability of the image score of unetpp-v2", ReliabilityCurve.Compute(imageCases.Scores, imageCases.Truth, bins: 10)));

page.Heading("What the model got wrong").Show(SliceGallery.Errors(evaluation, manifest, perKind: 4));

page.Heading("Per-patient quadrant timelines");
foreach (var outcome in evaluation.Patients) page.Show(outcome);

page.Heading("The report, as covidct evaluate writes it");
var run = new ModelRun(Path.GetFileNameWithoutExtension(modelPath), evaluation)
{
    Lesions = lesions,
    Provenance = RunProvenance.Describe(definition, chain.OfType<LesionScoringTransformer>().Single().Scoring),
};
var reportFolder = Path.Combine(workspace.Root, "out", "notebook-02");
EvaluationReport.Write(reportFolder, run, manifest, split);
page.Text($"Wrote {Path.Combine(reportFolder, EvaluationReport.PageName)}");

Console.WriteLine($"Wrote {page.Write(output)}");
