using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Clustering;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Errors;
using CovidCt.Reporting.Files;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting.Html;

/// <summary>
/// report.html of an evaluation: one self-contained page (plotly.js and the red-box figures embedded) with the tables beside the
/// study's, ROC curves, threshold sweeps, per-patient timelines and the gallery of wrong slices. The page marks its root element
/// with <c>data-charts-rendered</c> once every chart drew, and <c>data-script-errors</c> on any script error, for headless checks.
/// </summary>
internal static class ReportPage
{
    /// <summary>Figures embedded in the gallery; the rest are listed by file name (they are all in figures/).</summary>
    public const int GalleryLimit = 60;

    public static string Build(ModelRun run, CohortManifest manifest, CohortSplit? split, string outFolder, IReadOnlyList<ErrorFigure>? figures, string? modelNote, CalibrationDocument? calibration)
    {
        var e = run.Evaluation;
        var provenance = run.RequireProvenance();
        var charts = new JsonObject();
        var html = new StringBuilder();
        var modelName = run.Name;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(Encode($"CovidCt report: {modelName}")).Append("</title>\n")
            .Append("<script>\n").Append(ErrorTrap).Append("</script>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Encode($"{modelName} on {Path.GetFileName(manifest.Folder)} ({CohortSplitNames.NameOrAll(split)})")).Append("</h1>\n");
        html.Append("<p class=\"meta\">").Append(Encode(Describe(run, provenance, manifest, split))).Append("</p>\n");
        if (modelNote is not null) html.Append("<p class=\"note\">").Append(Encode(modelNote)).Append("</p>\n");
        foreach (var warning in run.Warnings) html.Append("<p class=\"note\">").Append(Encode($"Warning: {warning}")).Append("</p>\n");

        html.Append("<h2>Tables</h2>\n<div class=\"row\">\n");
        var patientLevel = CohortLevelText.HasPatientTable(manifest);
        if (patientLevel) Table(html, "Per patient", e.PatientMetrics, e.PatientRoc.Auc, ChenEtAl2020.RetrospectivePerPatient, null);
        var clustered = ClusteredImageTable.Of(e);
        Table(html, "Per image", e.ImageMetrics, e.ImageRoc?.Auc, ChenEtAl2020.RetrospectivePerImage, clustered);
        html.Append("</div>\n");
        if (clustered is null) html.Append("<p class=\"note\">").Append(Encode(ClusteredImageTable.NotClustered)).Append("</p>\n");
        else
        {
            html.Append("<p>").Append(Encode(ClusteredText.Legend(clustered, e.ImageMetrics))).Append("</p>\n");
            foreach (var caveat in clustered.Caveats) html.Append("<p class=\"note\">").Append(Encode($"Per image, clustered: {caveat}")).Append("</p>\n");
        }
        if (!patientLevel) html.Append("<p class=\"note\">").Append(Encode(CohortLevelText.NoPatientTable)).Append("</p>\n");
        else FragileSection.Append(html, e);
        foreach (var (level, roc) in new[] { ("Per patient", patientLevel ? e.PatientRoc : null), ("Per image", e.ImageRoc) })
        {
            foreach (var caveat in roc is null ? [] : StatisticCaveats.Auc(roc)) html.Append("<p class=\"note\">").Append(Encode($"{level} AUC, caveat: {caveat}")).Append("</p>\n");
        }
        if (e.ImagesWithoutTruth > 0)
        {
            html.Append("<p class=\"note\">").Append(Encode($"{Plural.Count(e.ImagesWithoutTruth, "slice")} of COVID-19 patients without masks {(e.ImagesWithoutTruth == 1 ? "has" : "have")} no per-image truth and {(e.ImagesWithoutTruth == 1 ? "is" : "are")} not in the per-image table.")).Append("</p>\n");
        }

        ValidAreaSection.Append(html, e, provenance.Options);
        CalibrationSection.Append(html, calibration);

        html.Append("<h2>ROC curves</h2>\n<div class=\"row\">\n");
        if (patientLevel) Chart(html, charts, "roc-patient", ChartFigures.Roc(e.PatientRoc, "Per patient"));
        if (e.ImageRoc is { } imageRoc) Chart(html, charts, "roc-image", ChartFigures.Roc(imageRoc, $"Per image ({ImageScoreNames.Key(e.ImageScore)})"));
        html.Append("</div>\n<p>").Append(Encode($"The image score ({ImageScoreNames.Key(e.ImageScore)}) is {ImageScoreNames.Meaning(e.ImageScore)}; the image decision is always whether a box survives.")).Append("</p>\n");
        if (run.Lesions is { } lesions) LesionSection.Append(html, charts, lesions);

        var threshold = provenance.Options.LesionBoxes.Threshold;
        html.Append("<h2>Threshold sweep</h2>\n<p>")
            .Append(Encode($"Sensitivity and specificity as the score threshold rises. The image score is {ImageScoreNames.Meaning(e.ImageScore)}{(e.ImageScore == ImageScore.MaxBox ? $"; only boxes at or above the pipeline's threshold ({threshold:0.00}, dotted) exist, so thresholds below it are not reachable from these scores" : $"; at the pipeline's threshold ({threshold:0.00}, dotted) a slice may still have no box when its lesion pixels are too few")}. The patient score is the weakest slice of the best qualifying run. Minimum size, consecutive slices and quadrant settings: covidct sweep."))
            .Append("</p>\n<div class=\"row\">\n");
        var patients = ComparedCases.Of(e, ComparisonLevel.Patient);
        if (patientLevel) Chart(html, charts, "sweep-patient", ChartFigures.Sweep(patients.Scores, patients.Truth, "Per patient", threshold));
        var images = ComparedCases.Of(e, ComparisonLevel.Image);
        if (images.Truth.Count > 0) Chart(html, charts, "sweep-image", ChartFigures.Sweep(images.Scores, images.Truth, "Per image", threshold));
        html.Append("</div>\n");
        if (run.Sweep is { } sweep) Explorer.ExplorerSection.Append(html, sweep, e.PatientMetrics.Level);

        if (patientLevel) Timelines(html, charts, e, provenance);

        if (figures is null) NoGallery(html, e);
        else Gallery(html, outFolder, figures);

        html.Append("<script>\n").Append(PlotlyScript.Source).Append("\n</script>\n");
        html.Append("<script type=\"application/json\" id=\"chart-data\">").Append(charts.ToJsonString()).Append("</script>\n");
        html.Append("<script>\n").Append(Render).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Timelines(StringBuilder html, JsonObject charts, Pipelines.Evaluation.PipelineEvaluation e, RunProvenance provenance)
    {
        html.Append("<h2>Patient timelines</h2>\n<p>")
            .Append(Encode($"Each strip: slices numbered from 1 (feet to head) across, quadrants down, colour = best box probability; red outline = the {provenance.Options.PatientRule.ConsecutiveSlices} consecutive slices in one quadrant that made the patient positive; green squares = slices with a lesion in the truth."))
            .Append("</p>\n");
        for (var i = 0; i < e.Patients.Count; i++) Chart(html, charts, $"timeline-{i}", ChartFigures.Timeline(e.Patients[i]), wide: true);
    }

    private static string Describe(ModelRun run, RunProvenance provenance, CohortManifest manifest, CohortSplit? split)
    {
        var e = run.Evaluation;
        var o = provenance.Options;
        return string.Create(CultureInfo.InvariantCulture,
            $"Model {provenance.ModelPath} ({provenance.Architecture} {provenance.Version}, SHA-256 {provenance.Pipeline.ModelSha256[..12]}…). Cohort {manifest.Path}, split {CohortSplitNames.NameOrAll(split)}: "
            + $"{CohortLevelText.Cases(manifest, e)}, {Plural.Count(e.Patients.Sum(p => p.Result.Slices.Count), "slice")}. "
            + $"Boxes: probability ≥ {o.LesionBoxes.Threshold:0.00}, more than {o.LesionBoxes.MinPixels} pixels; patient positive with {o.PatientRule.ConsecutiveSlices} consecutive slices in one quadrant "
            + $"(centre {o.Quadrants.Centre}, assignment {o.Quadrants.Assignment}, gap {o.PatientRule.MaxGap}). "
            + $"Intervals: {ProportionIntervals.Name(e.PatientMetrics.Method)} {TextFormat.Level(e.PatientMetrics.Level)}; AUC: DeLong.");
    }

    // With slices clustered by patient, a column of the clustered intervals goes beside the plain ones (the legend under the tables says which is which).
    private static void Table(StringBuilder html, string title, DiagnosticMetrics metrics, Estimate? auc, PublishedTable published, ClusteredImageTable? clustered)
    {
        var c = metrics.Counts;
        html.Append("<div class=\"panel\">\n<h3>").Append(Encode(title)).Append("</h3>\n<table>\n<tr><th>Metric</th><th>This run</th><th>Count</th><th>")
            .Append(Encode($"{TextFormat.Level(metrics.Level)} CI")).Append("</th>");
        if (clustered is not null) html.Append("<th>").Append(Encode(ClusteredText.Heading(metrics.Level))).Append("</th>");
        html.Append("<th>Chen et al. 2020</th></tr>\n");
        string[] Cells(string label, string metric, string value, string count, string interval, string study) =>
            clustered is null ? [label, value, count, interval, study] : [label, value, count, interval, ClusteredText.Cell(clustered, metric), study];
        foreach (var (name, estimate) in metrics.All.Where(m => StudyColumns.Metrics.Contains(m.Key)))
        {
            Row(html, Cells(TextFormat.Label(name), name, TextFormat.Value(name, estimate), TextFormat.Fraction(name, estimate), TextFormat.Interval(name, estimate),
                StudyColumns.Published(published, name)));
        }
        if (auc is not null) Row(html, Cells("AUC", "auc", TextFormat.Value("auc", auc), "", TextFormat.Interval("auc", auc), "not published"));
        html.Append("</table>\n<table class=\"confusion\">\n<tr><th></th><th>called positive</th><th>called negative</th></tr>\n");
        Row(html, "COVID-19 / lesion", $"TP {c.TruePositives:N0}", $"FN {c.FalseNegatives:N0}");
        Row(html, "control / none", $"FP {c.FalsePositives:N0}", $"TN {c.TrueNegatives:N0}");
        html.Append("</table>\n</div>\n");
    }

    private static void Row(StringBuilder html, params string[] cells)
    {
        html.Append("<tr>");
        foreach (var cell in cells) html.Append("<td>").Append(Encode(cell)).Append("</td>");
        html.Append("</tr>\n");
    }

    private static void Chart(StringBuilder html, JsonObject charts, string id, JsonObject figure, bool wide = false)
    {
        charts[id] = figure;
        html.Append("<div class=\"chart").Append(wide ? " wide" : "").Append("\" id=\"").Append(id).Append("\"></div>\n");
    }

    // Said where the gallery would be, so a reader does not take an empty page for a run without errors.
    private static void NoGallery(StringBuilder html, Pipelines.Evaluation.PipelineEvaluation e)
    {
        var errors = e.Patients.SelectMany(ErrorSlices.Of).ToArray();
        var fp = errors.Count(error => error.FalsePositive);
        html.Append("<h2>Red-box gallery</h2>\n<p class=\"figures-not-drawn\">")
            .Append(Encode($"Figures were not drawn (covidct evaluate --figures none). The run has {fp} false-positive and {errors.Length - fp} false-negative slices (slices.csv lists them); run again with --figures errors to draw them."))
            .Append("</p>\n");
    }

    private static void Gallery(StringBuilder html, string outFolder, IReadOnlyList<ErrorFigure> figures)
    {
        var fp = figures.Count(f => f.FalsePositive);
        html.Append("<h2>Red-box gallery</h2>\n<p>")
            .Append(Encode(figures.Count == 0
                ? "No false-positive or false-negative slice."
                : $"{fp} false-positive and {figures.Count - fp} false-negative slices (red: boxes with their highest probability; green: the lesion outline in the truth). All are in {ErrorFigures.FolderName}/."))
            .Append("</p>\n<div class=\"gallery\">\n");
        foreach (var figure in figures.Take(GalleryLimit))
        {
            var png = File.ReadAllBytes(Path.Combine(outFolder, figure.RelativePath));
            html.Append("<figure><img alt=\"").Append(Encode(figure.RelativePath)).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\">")
                .Append("<figcaption>").Append(Encode(figure.Caption)).Append("</figcaption></figure>\n");
        }
        html.Append("</div>\n");
        if (figures.Count > GalleryLimit)
        {
            html.Append("<p>").Append(Encode($"{figures.Count - GalleryLimit} more: " + string.Join(", ", figures.Skip(GalleryLimit).Select(f => f.RelativePath)))).Append("</p>\n");
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string ErrorTrap = """
        (function () {
          var errors = [];
          function record(message) { errors.push(String(message)); document.documentElement.setAttribute('data-script-errors', errors.join(' | ')); }
          window.addEventListener('error', function (e) { record(e.message || e); });
          window.addEventListener('unhandledrejection', function (e) { record(e.reason && e.reason.message || e.reason); });
        })();

        """;

    private const string Render = """
        (function () {
          var charts = JSON.parse(document.getElementById('chart-data').textContent);
          var config = { displaylogo: false, responsive: true };
          Promise.all(Object.keys(charts).map(function (id) { return Plotly.newPlot(id, charts[id].data, charts[id].layout, config); }))
            .then(function () {
              var drawn = Array.prototype.filter.call(document.querySelectorAll('div.chart'), function (d) { return d.querySelector('.main-svg') !== null; }).length;
              document.documentElement.setAttribute('data-charts-rendered', String(drawn));
            });
        })();

        """;

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 1.5em 2em; color: #222; }
        h1 { font-size: 1.5em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ddd; } h3 { margin: 0.3em 0; }
        .meta { color: #555; max-width: 70em; } .note { background: #fff6d5; padding: 0.4em 0.8em; max-width: 70em; } tr.fragile td { background: #fff6d5; }
        .row { display: flex; flex-wrap: wrap; gap: 1.5em; }
        .panel { min-width: 30em; }
        table { border-collapse: collapse; margin: 0.5em 0; } td, th { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
        td:first-child, th:first-child { text-align: left; }
        .chart { width: 560px; min-height: 380px; } .chart.wide { width: 100%; max-width: 1100px; min-height: 230px; }
        .gallery { display: flex; flex-wrap: wrap; gap: 1em; } figure { margin: 0; } figure img { width: 256px; image-rendering: pixelated; }
        figcaption { font-size: 0.85em; color: #444; }

        """;
}
