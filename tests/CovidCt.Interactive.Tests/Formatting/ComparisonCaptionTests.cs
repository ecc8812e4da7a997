using CovidCt.Interactive.Formatting;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Runs;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class ComparisonCaptionTests
{
    private static readonly bool?[] Truth = [false, true, true, true, false];

    private static ModelRun Run(string name, PipelineOptions? options) =>
        new(name, PipelineEvaluation.Compute([Detections.Outcome(Detections.Positive("p1"), true, Truth)]))
        {
            Provenance = options is null ? null : new RunProvenance(new PipelineDefinition { ModelPath = $"{name}.onnx", ModelSha256 = "00", Options = options }, "unet++", "1"),
        };

    [Fact]
    public void The_caption_says_the_studys_post_processing_only_when_every_run_used_it()
    {
        Assert.Equal("Each model with the study's post-processing", ModelComparisonHtml.SummaryCaption([Run("a", new()), Run("b", new())]));
    }

    [Fact]
    public void A_tuned_setting_is_spelled_out_in_the_caption()
    {
        var tuned = new PipelineOptions();
        tuned.LesionBoxes.Threshold = 0.65;
        tuned.PatientRule.ConsecutiveSlices = 2;

        var caption = ModelComparisonHtml.SummaryCaption([Run("a", tuned), Run("b", tuned)]);

        Assert.Equal("Each model with the same post-processing: probability ≥ 0.65, more than 25 pixels, 2 consecutive slices, same quadrant", caption);
    }

    [Fact]
    public void A_run_without_a_recorded_setting_says_so()
    {
        var caption = ModelComparisonHtml.SummaryCaption([Run("a", new()), Run("b", null)]);

        Assert.Contains("b: not recorded", caption);
        Assert.DoesNotContain("study's", caption);
    }

    [Fact]
    public void A_setting_beyond_the_four_swept_parameters_is_named()
    {
        var overlap = new PipelineOptions();
        overlap.Quadrants.Assignment = Pipelines.PostProcessing.QuadrantAssignment.Overlap;
        overlap.PatientRule.MaxGap = 1;

        var caption = ModelComparisonHtml.SummaryCaption([Run("a", overlap), Run("b", new())]);

        Assert.Equal("Each model with its own post-processing: a: probability ≥ 0.50, more than 25 pixels, 3 consecutive slices, same quadrant, "
            + "a box counts for every quadrant it overlaps, runs may skip up to 1 slices; b: probability ≥ 0.50, more than 25 pixels, 3 consecutive slices, same quadrant", caption);
    }
}
