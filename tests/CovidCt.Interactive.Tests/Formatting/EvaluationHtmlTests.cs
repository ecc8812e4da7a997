using CovidCt.Interactive.Formatting;
using CovidCt.Pipelines.Evaluation;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class EvaluationHtmlTests
{
    [Fact]
    public void Both_levels_are_shown_and_slices_without_truth_are_counted()
    {
        var evaluation = PipelineEvaluation.Compute(
        [
            Detections.Outcome(Detections.Positive("covid-a"), true, false, true, true, true, false),
            Detections.Outcome(Detections.Negative("covid-b"), true, null, null, null, null, null),
            Detections.Outcome(Detections.Negative("control-a"), false, false, false, false, false, false),
        ]);

        var html = EvaluationHtml.Evaluation(evaluation);

        Assert.Contains("<h4>Per patient (2 COVID-19, 1 control)</h4>", html);
        Assert.Contains("TP 1, FN 1, TN 1, FP 0 (3 cases)", html);
        Assert.Contains("5 slices of COVID-19 patients without lesion masks have no per-image truth and are not counted per image.", html);
        // Images: covid-a has lesions on slices 2–4, all boxed; control-a's boxed slice 3 is a false positive.
        Assert.Contains("TP 3, FN 0, TN 6, FP 1 (10 cases)", html);
        Assert.Contains("Image ROC (score: the highest box probability on the slice)", html);
    }

    [Fact]
    public void Without_any_slice_truth_the_image_roc_is_undefined()
    {
        var evaluation = PipelineEvaluation.Compute(
        [
            Detections.Outcome(Detections.Positive("covid-a"), true, null, null, null, null, null),
            Detections.Outcome(Detections.Negative("covid-b"), true, null, null, null, null, null),
        ]);

        var html = EvaluationHtml.Evaluation(evaluation);

        Assert.Contains("Image ROC: undefined, no slice has a known truth.", html);
        Assert.Contains("undefined: no cases", html);
    }
}
