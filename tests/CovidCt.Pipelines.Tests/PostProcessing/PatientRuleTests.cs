using CovidCt.Data.IO;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Tests.PostProcessing;

public sealed class PatientRuleTests
{
    private static readonly PatientRuleOptions Study = new();

    private static SliceDetection Slice(params (Quadrant Quadrant, double Probability)[] boxes) =>
        new(boxes.Select(b => new LesionBox(new ImageRectangle(0, 0, 1, 1), 0, 0, 30, null, b.Probability, b.Probability, b.Quadrant)).ToArray());

    private static SliceDetection Empty => Slice();

    [Fact]
    public void Two_consecutive_slices_in_one_quadrant_are_negative_and_three_positive()
    {
        var two = PatientRule.Evaluate([Empty, Slice((Quadrant.UpperLeft, 0.9)), Slice((Quadrant.UpperLeft, 0.9)), Empty], Study);
        Assert.False(two.IsPositive);
        Assert.Equal(0, two.Score);
        var three = PatientRule.Evaluate([Empty, Slice((Quadrant.UpperLeft, 0.9)), Slice((Quadrant.UpperLeft, 0.7)), Slice((Quadrant.UpperLeft, 0.8))], Study);
        Assert.True(three.IsPositive);
        Assert.Equal((Quadrant.UpperLeft, 1, 3), (three.Quadrant, three.FirstSlice, three.LastSlice));
        Assert.Equal(0.7, three.Score, 9);
        Assert.Equal((3, 4), (three.PositiveSlices, three.SliceCount));
    }

    [Fact]
    public void Three_consecutive_slices_in_different_quadrants_are_negative()
    {
        var decision = PatientRule.Evaluate([Slice((Quadrant.UpperLeft, 0.9)), Slice((Quadrant.UpperRight, 0.9)), Slice((Quadrant.LowerLeft, 0.9))], Study);
        Assert.False(decision.IsPositive);
        Assert.Equal(3, decision.PositiveSlices);
    }

    [Fact]
    public void Without_the_quadrant_rule_any_box_on_three_consecutive_slices_is_positive()
    {
        var slices = new[] { Slice((Quadrant.UpperLeft, 0.9)), Slice((Quadrant.UpperRight, 0.6)), Slice((Quadrant.LowerLeft, 0.8)), Empty };
        var anywhere = PatientRule.Evaluate(slices, new PatientRuleOptions { SameQuadrant = false });
        Assert.True(anywhere.IsPositive);
        Assert.Equal((Quadrant.None, 0, 2), (anywhere.Quadrant, anywhere.FirstSlice, anywhere.LastSlice));
        Assert.Equal(0.6, anywhere.Score, 9);
        Assert.False(PatientRule.Evaluate(slices, new PatientRuleOptions { SameQuadrant = false, ConsecutiveSlices = 4 }).IsPositive);
    }

    [Fact]
    public void A_gap_breaks_the_run_unless_tolerated_and_gap_slices_do_not_count()
    {
        SliceDetection[] slices = [Slice((Quadrant.LowerRight, 0.9)), Slice((Quadrant.LowerRight, 0.9)), Empty, Slice((Quadrant.LowerRight, 0.6))];
        Assert.False(PatientRule.Evaluate(slices, Study).IsPositive);
        var tolerant = PatientRule.Evaluate(slices, new PatientRuleOptions { MaxGap = 1 });
        Assert.True(tolerant.IsPositive);
        Assert.Equal((0, 3, 0.6), (tolerant.FirstSlice, tolerant.LastSlice, tolerant.Score));
        Assert.False(PatientRule.Evaluate(slices[..3], new PatientRuleOptions { MaxGap = 1 }).IsPositive);
    }

    [Fact]
    public void The_score_is_the_best_run_of_its_weakest_slice()
    {
        var decision = PatientRule.Evaluate(
            [Slice((Quadrant.UpperLeft, 0.6)), Slice((Quadrant.UpperLeft, 0.95), (Quadrant.LowerLeft, 0.9)), Slice((Quadrant.UpperLeft, 0.95), (Quadrant.LowerLeft, 0.85)),
             Slice((Quadrant.UpperLeft, 0.99), (Quadrant.LowerLeft, 0.8))], Study);
        Assert.Equal(0.95, decision.Score, 9);
        Assert.Equal((Quadrant.UpperLeft, 1, 3), (decision.Quadrant, decision.FirstSlice, decision.LastSlice));
    }

    [Fact]
    public void Slices_are_ordered_by_position_before_the_rule()
    {
        var hit = Slice((Quadrant.UpperLeft, 0.9));
        // Positions 0, 5, 2.5, 7.5: the hits at 0, 2.5 and 5 are consecutive once sorted.
        var decision = PatientRule.Evaluate("p.nii.gz", "P1", [0, 5, 2.5, 7.5], [hit, hit, hit, Empty], Study);
        Assert.True(decision.IsPositive);
    }

    [Fact]
    public void No_slices_or_duplicate_positions_are_invalid_input_naming_the_patient()
    {
        var none = Assert.Throws<InvalidInputException>(() => PatientRule.Evaluate("p.nii.gz", "P7", [], [], Study));
        Assert.Contains("patient 'P7' has no slices", none.Message);
        var duplicate = Assert.Throws<InvalidInputException>(() => PatientRule.Evaluate("p.nii.gz", "P7", [0, 2.5, 2.5], [Empty, Empty, Empty], Study));
        Assert.Contains("patient 'P7' has two slices (1 and 2) at position 2.5 mm", duplicate.Message);
        Assert.Equal("p.nii.gz", duplicate.File);
    }
}
