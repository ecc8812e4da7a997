namespace CovidCt.Cli.Tests.Invariance;

/// <summary>
/// The suite tolerates a patient flip on a lossy form only for a patient on the rule's edge in the reference; a patient far
/// from it (a clean control, or boxes scattered over the quadrants) must keep its decision on every form.
/// </summary>
public sealed class RuleEdgeTests
{
    private static SliceScore Slice(string quadrants) => new(quadrants.Length == 0 ? 0.01 : 0.99, quadrants.Length == 0 ? "" : "10:10:40:40:0.99", quadrants);

    [Fact]
    public void Boxes_on_three_slices_in_two_quadrants_are_on_the_edge()
    {
        // Control real-002 in the DICOM reference: slice 13 LowerRight, 14 and 15 UpperRight.
        Assert.True(RuleEdge.IsOnEdge([Slice(""), Slice("LowerRight"), Slice("UpperRight"), Slice("UpperRight"), Slice("")], positive: false, 3));
    }

    [Fact]
    public void Two_slices_in_one_quadrant_are_one_box_short()
    {
        Assert.True(RuleEdge.IsOnEdge([Slice("UpperLeft"), Slice("UpperLeft"), Slice(""), Slice("")], positive: false, 3));
    }

    [Fact]
    public void A_clean_control_or_scattered_boxes_are_not_on_the_edge()
    {
        Assert.False(RuleEdge.IsOnEdge([Slice(""), Slice(""), Slice(""), Slice("")], positive: false, 3));
        Assert.False(RuleEdge.IsOnEdge([Slice("UpperLeft"), Slice(""), Slice("LowerRight"), Slice(""), Slice("UpperLeft")], positive: false, 3));
    }

    [Fact]
    public void A_positive_patient_is_on_the_edge_only_when_its_run_is_exactly_k()
    {
        Assert.True(RuleEdge.IsOnEdge([Slice(""), Slice("LowerLeft"), Slice("LowerLeft"), Slice("LowerLeft"), Slice("")], positive: true, 3));
        Assert.False(RuleEdge.IsOnEdge([Slice("LowerLeft"), Slice("LowerLeft"), Slice("LowerLeft"), Slice("LowerLeft"), Slice("LowerLeft")], positive: true, 3));
    }
}
