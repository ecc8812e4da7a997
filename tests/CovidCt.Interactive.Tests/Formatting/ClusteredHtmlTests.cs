using System.Globalization;
using CovidCt.Interactive.Formatting;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Clustering;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Runs;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class ClusteredHtmlTests
{
    private static readonly bool?[] CovidTruth = [false, true, true, true, false];
    private static readonly bool?[] ControlTruth = [false, false, false, false, false];

    private static PipelineEvaluation Cohort(params PatientResult[] covid) => PipelineEvaluation.Compute(
    [
        .. covid.Select(p => Detections.Outcome(p, true, CovidTruth)),
        Detections.Outcome(Detections.Negative("n1"), false, ControlTruth), Detections.Outcome(Detections.Negative("n2"), false, ControlTruth),
    ]);

    [Fact]
    public void The_evaluation_shows_the_clustered_intervals_beside_the_plain_ones_with_the_library_s_numbers()
    {
        var evaluation = Cohort(Detections.Positive("p1"), Detections.Positive("p2"));
        var table = ClusteredImageTable.Of(evaluation)!;

        var html = EvaluationHtml.Evaluation(evaluation);

        Assert.Contains("Per image, clustered by patient (4 patients)", html);
        Assert.Contains("Plain CI (slices independent)", html);
        var ci = table.Specificity.Proportion.Interval!;
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<td class=\"n\">{100 * ci.Lower:F2}–{100 * ci.Upper:F2}%</td>"), html);
        Assert.Contains("Note: sensitivity: only 2 patients contribute slices", html);
    }

    [Fact]
    public void One_image_per_case_says_the_plain_intervals_are_right()
    {
        var evaluation = PipelineEvaluation.Compute(
        [
            Detections.Outcome(Detections.Patient("i1", Detections.Slice(0)), true, true),
            Detections.Outcome(Detections.Patient("i2", Detections.Slice(0)), false, false),
        ]);

        Assert.Contains("Per-image intervals are not clustered", EvaluationHtml.Evaluation(evaluation));
    }

    [Fact]
    public void The_comparison_shows_Newcombe_s_differences_and_the_clustered_tests()
    {
        var comparison = ModelComparison.Compute([new ModelRun("A", Cohort(Detections.Positive("p1"), Detections.Positive("p2"))),
            new ModelRun("B", Cohort(Detections.Positive("p1"), Detections.Negative("p2")))]);

        var html = ModelComparisonHtml.Comparison(comparison);

        Assert.Contains("Paired differences A − B (Newcombe", html);
        Assert.Contains("Per image, clustered by patient (4 patients): Obuchowski 1997 for the AUCs, Durkalski et al. 2003 for the decisions", html);
        var sensitivity = comparison.Test("A", "B", ComparisonLevel.Image).Clustered!.Decisions.Sensitivity;
        var ci = sensitivity.Difference.Interval!;
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<td class=\"n\">{sensitivity.Difference.Value:F4} ({ci.Lower:F4} to {ci.Upper:F4})</td>"), html);
    }
}
