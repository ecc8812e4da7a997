// 01 · Reproduce the study's tables, as a .NET 10 file-based app: the steps of 01-reproduce-study.dib, written to one
// self-contained HTML page (artifacts/notebooks/01-reproduce-study.html, or the path given as the first argument).
// Run from the repository root:  dotnet run -c Release notebooks/01-reproduce-study.cs
#:project ../src/CovidCt.Interactive/CovidCt.Interactive.csproj
#:property PublishAot=false

using CovidCt.Interactive.Pages;
using CovidCt.Interactive.Studies;
using CovidCt.Interactive.Workspace;
using CovidCt.Metrics;
using CovidCt.Reporting.Plots;

var workspace = NotebookWorkspace.Find(AppContext.GetData("EntryPointFileDirectoryPath") as string);
var output = args.Length > 0 ? args[0] : Path.Combine(workspace.Root, "artifacts", "notebooks", "01-reproduce-study.html");
var page = new NotebookPage("01 · Reproduce the study's tables");
page.Heading("Reproducibility").Show(Reproducibility.Record());

page.Heading("Per patient, retrospective internal test set (11 COVID-19, 31 control patients)");
var perPatient = ChenEtAl2020.RetrospectivePerPatient.SolveWithClassSizes();
page.Show(perPatient).Show(DiagnosticMetrics.Compute(perPatient.ExactSolutions.Single().Counts));

page.Heading("Per patient, prospective test set (16 COVID-19, 11 other patients)");
var prospective = ChenEtAl2020.ProspectivePerPatient.SolveWithClassSizes();
page.Show(prospective).Show(DiagnosticMetrics.Compute(prospective.ExactSolutions.Single().Counts));

page.Heading("Per image: no table of the 13,751 test images fits")
    .Show(ChenEtAl2020.RetrospectivePerImage.SolveWithTotal(closest: 5))
    .Show(ChenEtAl2020.RetrospectivePerImage.SolveWithClassSizes(closest: 3))
    .Show(DiagnosticMetrics.Compute(ChenEtAl2020.RetrospectivePerImage.SolveWithTotal(closest: 1).ClosestFits[0].Counts));

page.Heading("What can 11 COVID-19 patients establish?");
var patients = Enumerable.Range(5, 196).ToArray();
var allDetected = IntervalWidth.Curve(1.0, patients);
var specificity = IntervalWidth.Curve(29.0 / 31, patients);
double[] n = [.. patients.Select(p => (double)p)];
page.Show(Charts.Lines("95% Wilson interval a study of n patients would report", "patients in the class (n)", "percent",
    ("sensitivity 100%: lower bound", n, [.. allDetected.Select(p => 100 * p.Interval.Lower)]),
    ("specificity 93.55%: lower bound", n, [.. specificity.Select(p => 100 * p.Interval.Lower)]),
    ("specificity 93.55%: interval width (points)", n, [.. specificity.Select(p => 100 * p.Width)]),
    ("11 COVID-19 patients", [11.0, 11.0], [0.0, 100.0]),
    ("31 control patients", [31.0, 31.0], [0.0, 100.0])));
foreach (var bound in new[] { 0.80, 0.90, 0.95 })
{
    page.Text($"lower bound of sensitivity >= {bound * 100:0}%: {allDetected.First(p => p.Interval.Lower >= bound).Cases} patients, every one detected");
}

Console.WriteLine($"Wrote {page.Write(output)}");
