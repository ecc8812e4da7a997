using System.Text.Json;
using CovidCt.Metrics;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Files;

namespace CovidCt.Reporting.Tests;

/// <summary>metrics.json's <c>per_image.calibration</c> and report.html's calibration section: the metrics library's figures on the slices with a truth, at the 8-bit step.</summary>
public sealed class CalibrationDocumentTests
{
    // Two patients of 5 slices; one slice's truth is unknown and must be left out.
    private static PipelineEvaluation Evaluation() => PipelineEvaluation.Compute([
        Outcomes.Patient("covid", true, [false, true, true, true, null], Outcomes.Positive()),
        Outcomes.Patient("control", false, [false, false, false, false, false], Outcomes.Negative()),
    ]);

    [Fact]
    public void The_image_score_is_calibrated_on_the_slices_with_a_truth_at_the_probability_maps_step()
    {
        var e = Evaluation();
        var cases = ComparedCases.Of(e, ComparisonLevel.Image);
        var expected = Calibration.Compute(cases.Scores, cases.Truth, 0.95, 1.0 / 255);

        var document = CalibrationDocument.OfImages(e)!;

        Assert.Equal(9, document.Cases);
        Assert.Equal(expected.Brier, document.Brier);
        Assert.Equal(expected.Slope.Value, document.Slope.Value);
        Assert.Equal(expected.ExactZeroOrOne, document.ExactZeroOrOne);
        Assert.True(document.ExactZeroOrOne > 0, "slices without a box score exactly 0");
        Assert.Equal(1.0 / 255, document.ScoreStep);
        Assert.NotNull(document.Caveat);
        Assert.Equal(10, document.Reliability.Count);
        Assert.Equal(DecisionCurve.DefaultThresholds, document.DecisionCurve.Select(p => p.Threshold));
    }

    [Fact]
    public void Without_a_slice_truth_there_is_no_calibration()
    {
        var e = PipelineEvaluation.Compute([Outcomes.Patient("covid", true, [null, null, null, null, null], Outcomes.Positive())]);
        Assert.Null(CalibrationDocument.OfImages(e));
        Assert.Null(ImageTableDocument.Of(e).Calibration);
    }

    [Fact]
    public void Metrics_json_carries_it_under_per_image_with_the_metrics_commands_field_names()
    {
        var json = JsonSerializer.SerializeToElement(ImageTableDocument.Of(Evaluation()), OutputJson.Options);
        var calibration = json.GetProperty("calibration");
        foreach (var name in new[] { "cases", "brier", "reference_brier", "intercept", "slope", "exact_zero_or_one", "score_step", "caveat", "reliability", "decision_curve" })
        {
            Assert.True(calibration.TryGetProperty(name, out _), $"per_image.calibration has no '{name}'");
        }
        Assert.Equal(0, calibration.GetProperty("decision_curve")[0].GetProperty("treat_none").GetDouble());
    }
}
