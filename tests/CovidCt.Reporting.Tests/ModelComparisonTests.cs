using CovidCt.Metrics;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Clustering;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting.Tests;

public sealed class ModelComparisonTests
{
    // Slices 2-4 of Detections.Positive hold the lesion; slice 5 of p2 has unknown truth.
    private static readonly bool?[] CovidTruth = [false, true, true, true, false];
    private static readonly bool?[] CovidTruthWithUnknown = [false, true, true, true, null];
    private static readonly bool?[] ControlTruth = [false, false, false, false, false];

    // Five slices, boxes in the upper left on slice indices 1-3: positive by the study's rule.
    private static PatientResult Positive(string id) => Outcomes.Result(id,
        Outcomes.Slice(0), Outcomes.Slice(1, (Quadrant.UpperLeft, 0.9)), Outcomes.Slice(2, (Quadrant.UpperLeft, 0.7), (Quadrant.LowerRight, 0.6)),
        Outcomes.Slice(3, (Quadrant.UpperLeft, 0.8)), Outcomes.Slice(4));

    // Five slices, one box: negative.
    private static PatientResult Negative(string id) =>
        Outcomes.Result(id, Outcomes.Slice(0), Outcomes.Slice(1), Outcomes.Slice(2, (Quadrant.LowerLeft, 0.95)), Outcomes.Slice(3), Outcomes.Slice(4));

    private static ModelRun Run(string name, PatientResult p1, PatientResult p2, PatientResult n1, PatientResult n2) => new(name, PipelineEvaluation.Compute(
    [
        new PatientOutcome(p1, true, CovidTruth), new PatientOutcome(p2, true, CovidTruthWithUnknown),
        new PatientOutcome(n1, false, ControlTruth), new PatientOutcome(n2, false, ControlTruth),
    ]));

    // A is right on every patient; B misses p2 and calls n2 positive.
    private static readonly ModelRun A = Run("A", Positive("p1"), Positive("p2"), Negative("n1"), Negative("n2"));
    private static readonly ModelRun B = Run("B", Positive("p1"), Negative("p2"), Negative("n1"), Positive("n2"));

    [Fact]
    public void Per_patient_McNemar_counts_the_discordant_patients_of_each_class_separately()
    {
        var test = ModelComparison.Compute([A, B]).Tests.Single(t => t.Level == ComparisonLevel.Patient);

        Assert.Equal(("A", "B", 4L), (test.ModelA, test.ModelB, test.Cases));
        Assert.Equal((1L, 0L), (test.Decisions.Sensitivity.OnlyACorrect, test.Decisions.Sensitivity.OnlyBCorrect));
        Assert.Equal((1L, 0L), (test.Decisions.Specificity.OnlyACorrect, test.Decisions.Specificity.OnlyBCorrect));
    }

    [Fact]
    public void Per_patient_DeLong_compares_the_patient_scores()
    {
        var test = ModelComparison.Compute([A, B]).Tests.Single(t => t.Level == ComparisonLevel.Patient);

        // A separates the classes; B ranks one covid patient and one control above the other two: AUC 0.5.
        Assert.Equal(1.0, test.DeLong!.AucA, 12);
        Assert.Equal(0.5, test.DeLong.AucB, 12);
        Assert.Null(test.DeLongUndefinedReason);
    }

    [Fact]
    public void Per_image_tests_pair_only_slices_with_a_known_truth()
    {
        var test = ModelComparison.Compute([A, B]).Tests.Single(t => t.Level == ComparisonLevel.Image);

        Assert.Equal(19, test.Cases);
        // p2's lesion slices 2 and 4 are found by A only (B's single box on p2 is on slice 3);
        // likewise n2's slices 2 and 4 are false positives of B only (both models box slice 3).
        Assert.Equal((2L, 0L), (test.Decisions.Sensitivity.OnlyACorrect, test.Decisions.Sensitivity.OnlyBCorrect));
        Assert.Equal((2L, 0L), (test.Decisions.Specificity.OnlyACorrect, test.Decisions.Specificity.OnlyBCorrect));
    }

    [Fact]
    public void Disagreeing_patients_are_those_with_different_decisions_and_their_outcomes_come_per_model()
    {
        var comparison = ModelComparison.Compute([A, B]);

        Assert.Equal(["p2", "n2"], comparison.DisagreeingPatients);
        var outcomes = comparison.OutcomesOf("p2");
        Assert.Equal(["A", "B"], outcomes.Select(o => o.Model));
        Assert.Equal([true, false], outcomes.Select(o => o.Outcome.Result.Decision.IsPositive));
    }

    [Fact]
    public void Three_models_give_three_pairs_per_level()
    {
        var c = A with { Name = "C" };

        var tests = ModelComparison.Compute([A, B, c]).Tests;

        Assert.Equal(["A-B", "A-C", "B-C", "A-B", "A-C", "B-C"], tests.Select(t => $"{t.ModelA}-{t.ModelB}"));
    }

    [Fact]
    public void DeLong_is_undefined_with_its_reason_when_a_class_has_fewer_than_two_cases()
    {
        ModelRun OnePerClass(string name) => new(name, PipelineEvaluation.Compute(
            [new PatientOutcome(Positive("p1"), true, CovidTruth), new PatientOutcome(Negative("n1"), false, ControlTruth)]));

        var test = ModelComparison.Compute([OnePerClass("A"), OnePerClass("B")]).Tests.Single(t => t.Level == ComparisonLevel.Patient);

        Assert.Null(test.DeLong);
        Assert.Contains("at least two cases of each class", test.DeLongUndefinedReason);
    }

    [Fact]
    public void Evaluations_of_other_patients_or_other_truth_are_refused()
    {
        var otherPatient = Run("B", Positive("p1"), Positive("p9"), Negative("n1"), Negative("n2"));
        var otherTruth = new ModelRun("B", PipelineEvaluation.Compute(A.Evaluation.Patients.Select(p => p with { SliceTruth = ControlTruth }).ToArray()));

        Assert.Contains("'p2' is missing from model 'B'", Assert.Throws<ArgumentException>(() => ModelComparison.Compute([A, otherPatient])).Message);
        var reordered = new ModelRun("B", PipelineEvaluation.Compute(A.Evaluation.Patients.Select(p =>
            p with { Result = p.Result with { Slices = p.Result.Slices.Reverse().ToArray() } }).ToArray()));

        Assert.Contains("slice truth", Assert.Throws<ArgumentException>(() => ModelComparison.Compute([A, otherTruth])).Message);
        Assert.Contains("slice order", Assert.Throws<ArgumentException>(() => ModelComparison.Compute([A, reordered])).Message);
        Assert.Throws<ArgumentException>(() => ModelComparison.Compute([A]));
        Assert.Throws<ArgumentException>(() => ModelComparison.Compute([A, A]));
    }

    [Fact]
    public void Per_image_tests_are_also_clustered_by_patient_and_per_patient_ones_are_not()
    {
        var comparison = ModelComparison.Compute([A, B]);
        var image = comparison.Test("A", "B", ComparisonLevel.Image);
        var cases = (A: ComparedCases.Of(A.Evaluation, ComparisonLevel.Image), B: ComparedCases.Of(B.Evaluation, ComparisonLevel.Image));
        var patients = ClusteredImageTable.PatientOfImages(A.Evaluation.Patients);
        var expected = ClusteredMcNemar.CompareDecisions(cases.A.Decisions, cases.B.Decisions, cases.A.Truth, patients);

        Assert.Null(comparison.Test("A", "B", ComparisonLevel.Patient).Clustered);
        var clustered = image.Clustered!;
        Assert.Equal(4, clustered.Patients);
        Assert.Equal(expected, clustered.Decisions);
        // p2's two slices found by A only are one patient's: the clustered χ² is (2 + 0)² / (2² + 0²) = 1, not McNemar's 2.
        Assert.Equal(1.0, clustered.Decisions.Sensitivity.ChiSquare, 12);
        // Only p1 and p2 hold lesion slices: the clustered AUC comparison needs two patients of each class with slices of that class, which it has.
        Assert.Equal(ClusteredAuc.Paired(cases.A.Scores, cases.B.Scores, cases.A.Truth, patients).Difference, clustered.Auc!.Difference, 12);
    }

    [Fact]
    public void Paired_sensitivity_and_specificity_differences_use_Newcombe_s_method_at_both_levels()
    {
        var comparison = ModelComparison.Compute([A, B]);

        foreach (var level in new[] { ComparisonLevel.Patient, ComparisonLevel.Image })
        {
            var test = comparison.Test("A", "B", level);
            var (a, b) = (ComparedCases.Of(A.Evaluation, level), ComparedCases.Of(B.Evaluation, level));
            var expected = PairedProportionDifference.CompareDecisions(a.Decisions, b.Decisions, a.Truth);
            Assert.Equal(expected.Sensitivity, test.SensitivityDifference);
            Assert.Equal(expected.Specificity, test.SpecificityDifference);
            Assert.Equal("newcombe-paired", test.SensitivityDifference.Interval!.Method);
        }
    }

    [Fact]
    public void Every_pair_carries_its_reclassification_clustered_per_image_and_the_partial_auc_when_asked()
    {
        var comparison = ModelComparison.Compute([A, B], partialAucMinimumSpecificity: 0.8);
        var patient = comparison.Test("A", "B", ComparisonLevel.Patient);
        var image = comparison.Test("A", "B", ComparisonLevel.Image);

        // Per patient B misses p2 and calls n2 positive: −1/2 in each class.
        Assert.Equal(-1.0, patient.Reclassification.Categorical!.Value, 12);
        Assert.Null(patient.Reclassification.Categorical.ClusteredInterval);
        Assert.NotNull(image.Reclassification.Categorical!.ClusteredInterval);
        // The NRI of the decisions is B − A in sensitivity plus B − A in specificity, whatever the level.
        foreach (var test in new[] { patient, image })
        {
            Assert.Equal(-test.SensitivityDifference.Value!.Value, test.Reclassification.Categorical!.Diseased, 12);
            Assert.Equal(-test.SpecificityDifference.Value!.Value, test.Reclassification.Categorical.NonDiseased, 12);
            Assert.Equal(0.8, test.PartialAuc!.MinimumSpecificity);
        }
        Assert.Null(ModelComparison.Compute([A, B]).Tests[0].PartialAuc);
    }
}
