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
using CovidCt.Reporting.Readers;

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

page.Heading("How many patients would the study have needed?")
    .Text("Assumptions: sensitivity planned at 95% (the observed 100% has no variance to plan with), specificity at 93.55% (29 of 31); "
        + "a 95% interval of half-width 0.05 (Buderer 1996, normal approximation); the prevalence of the retrospective test set, 11 of 42 "
        + "patients; patients as the unit (images would need a design effect).");
var prevalence = 11.0 / 42;
var sensitivityPlan = SampleSize.SensitivityForWidth(0.95, 0.05, prevalence);
var specificityPlan = SampleSize.SpecificityForWidth(29.0 / 31, 0.05, prevalence);
page.Show(sensitivityPlan).Show(specificityPlan)
    .Text($"Both rates to ±5 points: {Math.Max(sensitivityPlan.Total!.Value, specificityPlan.Total!.Value)} patients at the study's prevalence, where the study had 42");
var forPower = SampleSize.ProportionTest(0.95, 0.80, alpha: 0.05, power: 0.8);
var studyPower = SampleSize.ProportionTestPower(0.95, 0.80, 11, alpha: 0.05);
page.Text($"To show that sensitivity exceeds 80% when it is 95% (two-sided 5%, one-sample binomial test): {forPower} COVID-19 patients for 80% power; the study's 11 had {studyPower * 100:0}% power");

page.Heading("The reader study: \"65% faster\" as a ratio of geometric means")
    .Text("docs/examples/reader-study.csv is a small made-up study in the study's design (3 readers, 12 scans, without and with the model's red boxes): "
        + "Obuchowski–Rockette MRMC with Hillis's degrees of freedom, Fleiss' and Cohen's kappa, and the reading-time ratio of geometric means, readers and cases random.")
    .Show(ReaderStudyAnalysis.Analyse(ReaderStudyFile.Read(Path.Combine(workspace.Root, "docs", "examples", "reader-study.csv"))));

Console.WriteLine($"Wrote {page.Write(output)}");
