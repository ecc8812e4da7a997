using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Errors;

namespace CovidCt.Reporting.Tests;

public sealed class ErrorSlicesTests
{
    [Fact]
    public void Errors_are_boxes_on_clean_slices_and_lesion_slices_without_box_never_slices_of_unknown_truth()
    {
        // Boxes on indices 1-3; the truth has lesions on 2 and 4, index 3 is unknown.
        var patient = Outcomes.Patient("p", true, [false, false, true, null, true], Outcomes.Positive());

        var errors = ErrorSlices.Of(patient);

        Assert.Equal([(1, true), (4, false)], errors.Select(e => (e.Slice.Index, e.FalsePositive)));
        Assert.Equal(["false positive", "false negative"], errors.Select(e => e.Kind));
    }

    [Fact]
    public void A_sample_spreads_over_patients_most_confident_false_positive_first()
    {
        bool?[] clean = [false, false, false, false, false];
        var a = Outcomes.Patient("a", false, clean, Outcomes.Positive());                 // false positives at 0.9, 0.7, 0.8
        var b = Outcomes.Patient("b", false, clean, Outcomes.Negative());                 // one at 0.95
        var c = Outcomes.Patient("c", true, [false, true, false, false, false], [.. Enumerable.Range(0, 5).Select(i => Outcomes.Slice(i))]);
        var evaluation = PipelineEvaluation.Compute([a, b, c]);

        var sample = ErrorSlices.Sample(evaluation, perKind: 3);

        // b's only error (0.95), then a's best (0.9), then a second round: a's 0.8; then c's missed lesion.
        Assert.Equal([("b", 2), ("a", 1), ("a", 3), ("c", 1)], sample.Select(e => (e.PatientId, e.Slice.Index)));
        Assert.Empty(ErrorSlices.Sample(evaluation, perKind: 0));
        Assert.Equal(Quadrant.LowerLeft, sample[0].Slice.Detection.Quadrants);
    }
}
