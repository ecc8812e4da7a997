// 04 · Tune the post-processing, as a .NET 10 file-based app: the steps of 04-tune-postprocessing.dib, written to one
// self-contained HTML page (artifacts/notebooks/04-tune-postprocessing.html, or the path given as the first argument).
// Run from the repository root:  dotnet run -c Release notebooks/04-tune-postprocessing.cs
#:project ../src/CovidCt.Interactive/CovidCt.Interactive.csproj
#:property PublishAot=false

using CovidCt.Data.Cohorts;
using CovidCt.Interactive.Charts;
using CovidCt.Interactive.Pages;
using CovidCt.Interactive.Workspace;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting.Plots;

var workspace = NotebookWorkspace.Find(AppContext.GetData("EntryPointFileDirectoryPath") as string);
var output = args.Length > 0 ? args[0] : Path.Combine(workspace.Root, "artifacts", "notebooks", "04-tune-postprocessing.html");
var page = new NotebookPage("04 · Tune the post-processing");

var manifest = workspace.TuningCohort();
using var pipeline = new DetectionPipeline(workspace.Model("unetpp-v2"));
page.Heading("Reproducibility").Show(Reproducibility.Record(pipeline.ModelPath, manifest));

page.Heading("Sweep on the validation split, report once on the test split");
var cache = workspace.Cache(pipeline, manifest);
var tuned = CohortSweep.TuneAndReport(pipeline, manifest, CohortSplit.Val, CohortSplit.Test, SweepGrid.Default, cache);
var sweep = tuned.Tuning;
page.Text($"{sweep.Rows.Count} settings on {sweep.Patients} validation patients ({sweep.Slices} slices) of {manifest.Path}");

page.Heading("Per-patient sensitivity and specificity across the grid");
foreach (var sameQuadrant in new[] { true, false })
{
    var rule = sameQuadrant ? "same quadrant" : "any quadrant";
    foreach (var (metric, value) in new (string, Func<SweepRow, CovidCt.Metrics.Estimate>)[] { ("sensitivity", r => r.Patient.Sensitivity), ("specificity", r => r.Patient.Specificity) })
    {
        var map = SweepHeatmap.Of(sweep.Rows, value, s => s.Threshold, s => s.ConsecutiveSlices, s => s.MinPixels == 25 && s.SameQuadrant == sameQuadrant);
        page.Show(Charts.Heatmap($"Per-patient {metric} on validation: threshold × k, more than 25 pixels, {rule}", map.X, map.Y, map.Values, "threshold", "k consecutive slices", metric));
    }
}
foreach (var (metric, value) in new (string, Func<SweepRow, CovidCt.Metrics.Estimate>)[] { ("sensitivity", r => r.Patient.Sensitivity), ("specificity", r => r.Patient.Specificity) })
{
    var map = SweepHeatmap.Of(sweep.Rows, value, s => s.Threshold, s => s.MinPixels, s => s.ConsecutiveSlices == 3 && s.SameQuadrant);
    page.Show(Charts.Heatmap($"Per-patient {metric} on validation: threshold × minimum pixels, k = 3, same quadrant", map.X, map.Y, map.Values, "threshold", "more than N pixels", metric));
}

page.Heading("The Pareto front");
foreach (var level in new[] { SweepLevel.Patient, SweepLevel.Image })
{
    page.Show(Charts.ParetoFront($"Pareto front on validation, per {(level == SweepLevel.Patient ? "patient" : "image")}", sweep, level,
        ("study's setting", sweep.StudyDefaults), ("chosen on validation", tuned.Chosen)));
}

page.Heading("The operating point, reported once on the test split");
var c = tuned.Chosen.Setting;
page.Text($"Chosen on validation: threshold {c.Threshold:0.00}, more than {c.MinPixels} pixels, k {c.ConsecutiveSlices}, {(c.SameQuadrant ? "same quadrant" : "any quadrant")} ({c.Assignment}); per-patient Youden's J on validation {tuned.Chosen.Patient.YoudenJ.Value:0.000}");
var s = SweepSetting.Study;
var study = CohortSweep.Run(pipeline, manifest, CohortSplit.Test, new SweepGrid([s.Threshold], [s.MinPixels], [s.ConsecutiveSlices], [s.SameQuadrant], [s.Assignment]), cache).Rows[0];
page.Text("The chosen setting on the test split, per patient:").Show(tuned.Reported.Patient)
    .Text("The study's setting on the test split, per patient (for comparison; nothing was chosen on these patients):").Show(study.Patient)
    .Text("The chosen setting on the test split, per image:").Show(tuned.Reported.Image)
    .Text("The study's setting on the test split, per image:").Show(study.Image);

Console.WriteLine($"Wrote {page.Write(output)}");
