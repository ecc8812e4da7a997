using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Files;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting.Tests;

/// <summary>
/// The paired wAFROC comparison of two runs on three hand-drawn patients, each with a one-pixel lesion on slice 0 and a lesion-free
/// slice 1. A rates every lesion 0.9 and marks each lesion-free slice at 0.6: every lesion outscores every lesion-free slice, wAFROC 1.
/// B rates every lesion 0.7 and marks only P1's lesion-free slice, at 0.8: each lesion loses to P1's slice and beats the two
/// unmarked ones, wAFROC 2/3. By hand: A − B = 1/3; leaving out P1, P2, P3 gives differences 0, ½, ½, so the jackknife variance is
/// 2/3 × (1/9 + 2/36) = 1/9, SE 1/3, t = 1 on 2 degrees of freedom, p = 2 × (½ − 1/(2√3)) = 1 − 1/√3.
/// </summary>
public sealed class PairedLesionTestTests
{
    private const int Size = 4;

    private static ModelRun Run(string name, double lesionScore, Func<string, double?> falsePositive)
    {
        var tally = new LesionTally();
        var outcomes = new List<PatientOutcome>();
        foreach (var id in new[] { "P1", "P2", "P3" })
        {
            var geometry = VolumeGeometry.Axial(Size, Size, 2, 1, 1);
            var labels = new byte[Size * Size * 2];
            labels[Size + 1] = 1;
            var entry = new CohortEntry(id, PatientLabel.Covid, "drawn", null, null);
            bool?[] truth = [true, false];
            var patient = new CohortPatient(entry, new CtVolume(geometry, new float[labels.Length], "drawn"), new LesionMask(geometry, labels, "drawn"), truth);
            LesionBox Box(double left, double top, double score) =>
                new(new ImageRectangle(left, top, left + 1, top + 1), left + 0.5, top + 0.5, 1, null, score, score, Quadrant.UpperLeft);
            SliceResult[] slices =
            [
                new(0, 0, null, new SliceDetection([Box(1, 1, lesionScore)])),
                new(1, 1, null, new SliceDetection(falsePositive(id) is { } fp ? [Box(3, 3, fp)] : [])),
            ];
            var outcome = new PatientOutcome(new PatientResult(id, slices, new PatientDecision(false, lesionScore, Quadrant.None, -1, -1, 1, 2)), true, truth);
            tally.Add(patient, outcome);
            outcomes.Add(outcome);
        }
        return new ModelRun(name, PipelineEvaluation.Compute(outcomes)) { Lesions = tally.Evaluate() };
    }

    private static readonly ModelRun A = Run("A", 0.9, _ => 0.6);
    private static readonly ModelRun B = Run("B", 0.7, id => id == "P1" ? 0.8 : null);

    [Fact]
    public void The_paired_jackknife_over_patients_gives_the_hand_computed_difference_interval_and_p()
    {
        var test = PairedLesionTest.Of(A, B, 0.95);

        Assert.Null(test.Absent);
        var c = test.WeightedAfroc!;
        Assert.Equal((1.0, 2.0 / 3), (c.A.FigureOfMerit.Value!.Value, c.B.FigureOfMerit.Value!.Value));
        Assert.Equal(1.0 / 3, c.Difference!.Value, 14);
        Assert.Equal(1.0 / 3, c.StandardError!.Value, 14);
        Assert.Equal((2.0, 1.0), (c.DegreesOfFreedom, Math.Round(c.T!.Value, 12)));
        Assert.Equal(1 - 1 / Math.Sqrt(3), c.PValue!.Value, 10);
        Assert.Equal("wAFROC A 1.0000, B 0.6667; A − B +0.3333 (95% CI -1.1009 to 1.7676), t(2) = 1.00, p 0.4226", LesionComparisonText.Describe(test));
    }

    [Fact]
    public void The_comparison_document_names_the_difference_as_metrics_jafroc_does()
    {
        var lesions = PairLesionsDocument.Of(ModelComparison.Compute([A, B]).LesionTest("A", "B"));

        Assert.Null(lesions.Omitted);
        Assert.Equal(1.0 / 3, lesions.WafrocDifference!.Difference!.Value, 14);
        Assert.Equal("jackknife", lesions.WafrocDifference.DifferenceCi!.Method);
        Assert.Contains("\"wafroc_difference\": {", OutputJson.Serialize(lesions), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_lesion_results_leaves_the_row_absent_and_says_why()
    {
        var test = PairedLesionTest.Of(A, A with { Name = "C", Lesions = null }, 0.95);

        Assert.Null(test.WeightedAfroc);
        Assert.StartsWith("the run of C has no lesion-level results", test.Absent, StringComparison.Ordinal);
        Assert.StartsWith("not compared: the run of C", LesionComparisonText.Describe(test), StringComparison.Ordinal);
    }
}
