// 05 · Your own model and data, as a .NET 10 file-based app: the steps of 05-your-own-data.dib (labels → covidct cohort scan
// → manifest → model summary → evaluation → live operating-point explorer → report), written to one self-contained HTML
// page (artifacts/notebooks/05-your-own-data.html, or the path given as the first argument).
// Run from the repository root:  dotnet run -c Release notebooks/05-your-own-data.cs
// Your own data: set COVIDCT_NOTEBOOK_SERIES to a folder of DICOM series or NIfTI files and COVIDCT_NOTEBOOK_LABELS to its
// labels CSV (patient_id,label with covid or control; optional split, masks and source).
#:project ../src/CovidCt.Interactive/CovidCt.Interactive.csproj
#:property PublishAot=false

using System.Diagnostics;
using CovidCt.Data.Cohorts;
using CovidCt.Reporting.Plots;
using CovidCt.Interactive.Pages;
using CovidCt.Interactive.Workspace;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting;
using CovidCt.Reporting.Runs;
using Microsoft.ML;

var workspace = NotebookWorkspace.Find(AppContext.GetData("EntryPointFileDirectoryPath") as string);
var output = args.Length > 0 ? args[0] : Path.Combine(workspace.Root, "artifacts", "notebooks", "05-your-own-data.html");
var page = new NotebookPage("05 · Your own model and data");
var scratch = Directory.CreateTempSubdirectory("covidct-05-").FullName;

// So that it runs anywhere (CI included), the folder is the embedded default cohort unless the environment names another;
// its labels CSV is then written from the default cohort's own manifest, so the scan has something to match (the files it
// names as masks are not taken for series, though they carry the patients' names too).
page.Heading("The folder and its labels");
var seriesFolder = Environment.GetEnvironmentVariable("COVIDCT_NOTEBOOK_SERIES") ?? Path.Combine(workspace.Root, "datasets", "default");
var labels = Environment.GetEnvironmentVariable("COVIDCT_NOTEBOOK_LABELS");
if (labels is null)
{
    labels = Path.Combine(scratch, "labels.csv");
    var defaultCohort = CohortManifest.Load(Path.Combine(seriesFolder, "manifest.csv"));
    File.WriteAllLines(labels, defaultCohort.Entries.Select(e => $"{e.PatientId},{(e.Label == PatientLabel.Covid ? "covid" : "control")},{e.Split?.Name()},{e.MasksPath}")
        .Prepend("patient_id,label,split,masks"));
}
page.Text($"Series under {seriesFolder}; labels from {labels}, first lines:").Show(string.Join(Environment.NewLine, File.ReadLines(labels).Take(5)));

// The commands run exactly as a researcher types them in a terminal; each refuses what it cannot use with exit code 2.
string Covidct(string step, params string[] arguments)
{
    using var run = Process.Start(new ProcessStartInfo("dotnet", ["run", "--project", Path.Combine(workspace.Root, "src", "CovidCt.Cli"), "-c", "Release", "--", .. arguments])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
    var errors = run.StandardError.ReadToEndAsync();
    var standardOutput = run.StandardOutput.ReadToEnd();
    run.WaitForExit();
    if (run.ExitCode != 0) throw new InvalidOperationException($"{step} failed (exit {run.ExitCode}):{Environment.NewLine}{standardOutput}{errors.Result}");
    return standardOutput + errors.Result;
}

// It refuses unlabeled, missing and duplicate series.
page.Heading("covidct cohort scan: series + labels → manifest");
var manifestPath = Path.Combine(scratch, "manifest.csv");
page.Show(Covidct("cohort scan", "cohort", "scan", seriesFolder, "--labels", labels, "--out", manifestPath));
var manifest = CohortManifest.Load(manifestPath);
page.Show(manifest);

// Every case read as the evaluation will read it, before any number: a case that cannot be read stops here, and what a
// reader had to assume (a DICOM series without orientation or positions, a NIfTI without sform/qform) and a suspicious
// window are printed as warnings.
page.Heading("covidct cohort check: how each case reads, and what the readers assumed");
page.Show(Covidct("cohort check", "cohort", "check", manifestPath));

page.Heading("The model: what it declares and what is assumed");
var modelPath = workspace.Model("unetpp-v2");
page.Show(Reproducibility.Record(modelPath, manifest)).Show(OnnxModelInfo.Read(modelPath));

page.Heading("Evaluation");
CohortSplit? split = manifest.Entries.Any(e => e.Split == CohortSplit.Test) ? CohortSplit.Test : null;
var definition = PipelineDefinition.Create(modelPath, new PipelineOptions());
var cache = new ProbabilityCacheOptions(workspace.CacheFolder, CohortFingerprint.Compute(manifest));
var ml = new MLContext(seed: 1);
var slices = SliceDataView.FromCohort(ml, manifest, split);
using var chain = ml.CovidCt().DetectCovidLesions(definition, cache).Fit(slices);
var outcomes = ml.Data.CreateEnumerable<PatientRow>(chain.Transform(slices), reuseRowObject: false).Select(p => p.Outcome()).ToList();
var evaluation = PipelineEvaluation.Compute(outcomes);
page.Show(evaluation);

// The sweep reads the same maps from the cache; the explorer holds only confusion counts, so its sliders need no kernel.
page.Heading("Every operating point, live");
using var pipeline = new DetectionPipeline(modelPath, new PipelineOptions(), cache: cache);
var sweep = CohortSweep.Run(pipeline, manifest, split, SweepGrid.Default, pipeline.Scoring.Cache);
page.Show(sweep);
page.Show(Charts.ParetoFront($"Pareto front of {Path.GetFileNameWithoutExtension(modelPath)}, per patient", sweep, SweepLevel.Patient, ("study's setting", sweep.StudyDefaults)));

page.Heading("The files, as covidct evaluate writes them");
var run = new ModelRun(Path.GetFileNameWithoutExtension(modelPath), evaluation)
{
    Provenance = RunProvenance.Describe(definition, chain.OfType<LesionScoringTransformer>().Single().Scoring),
    Sweep = sweep,
};
var outFolder = Path.Combine(scratch, "evaluation");
EvaluationReport.Write(outFolder, run, manifest, split);
page.Text($"Wrote {outFolder}: {string.Join(", ", Directory.GetFiles(outFolder).Select(Path.GetFileName).Order())}");

Console.WriteLine($"Wrote {page.Write(output)}");
