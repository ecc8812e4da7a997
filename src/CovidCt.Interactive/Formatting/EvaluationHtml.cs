using CovidCt.Interactive.Html;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Clustering;

namespace CovidCt.Interactive.Formatting;

/// <summary>HTML for a pipeline evaluation: the per-patient and per-image tables with their ROC summaries, and the per-image intervals clustered by patient.</summary>
public static class EvaluationHtml
{
    /// <summary>
    /// Per patient, then per image. Slices without truth (COVID-19 patients without masks) are named and counted, not
    /// silently dropped; without any slice truth the per-image ROC says it is undefined.
    /// </summary>
    public static string Evaluation(PipelineEvaluation evaluation)
    {
        var covid = evaluation.Patients.Count(p => p.IsCovid);
        var withoutTruth = evaluation.ImagesWithoutTruth == 0
            ? ""
            : Markup.Paragraph($"{Markup.Count(evaluation.ImagesWithoutTruth)} slices of COVID-19 patients without lesion masks have no per-image truth and are not counted per image.");
        return Markup.Block(
            $"<h4>Per patient ({covid} COVID-19, {evaluation.Patients.Count - covid} control)</h4>",
            MetricsHtml.Body(evaluation.PatientMetrics),
            RocHtml.Table(evaluation.PatientRoc, "Patient ROC (score: the quadrant rule's run score)"),
            "<h4>Per image</h4>",
            withoutTruth,
            MetricsHtml.Body(evaluation.ImageMetrics),
            evaluation.ImageRoc is { } roc
                ? RocHtml.Table(roc, "Image ROC (score: the highest box probability on the slice)")
                : Markup.Paragraph("Image ROC: undefined, no slice has a known truth."),
            ClusteredHtml.Evaluation(ClusteredImageTable.Of(evaluation), evaluation.ImageRoc));
    }
}
