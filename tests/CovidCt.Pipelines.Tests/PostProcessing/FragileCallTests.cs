using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;
using Microsoft.ML;

namespace CovidCt.Pipelines.Tests.PostProcessing;

/// <summary>
/// A fragile call (<see cref="FragileCall"/>): one a move of a box by up to 1.5 px across a quadrant split line would flip. On
/// 64 x 64 slices whose valid area is the whole image, the split lies at (32, 32). A 6 x 5 block at row y0 has its centroid at
/// row y0 + 2.5, so rows 30 and 29 put it half a pixel below and above the horizontal line: one pixel apart, two calls.
/// </summary>
public sealed class FragileCallTests
{
    private const int Size = 64;
    private static readonly PatientRuleOptions Study = new();

    // Far from both lines: upper right, lower right.
    private static readonly (int X, int Y) FarUpperRight = (44, 10);
    private static readonly (int X, int Y) FarLowerRight = (44, 50);

    private static SliceDetection Slice((int X, int Y) block, QuadrantAssignment assignment = QuadrantAssignment.Centroid, int height = 5)
    {
        var values = new float[Size * Size];
        for (var y = block.Y; y < block.Y + height; y++) for (var x = block.X; x < block.X + 6; x++) values[y * Size + x] = 0.9f;
        return new SliceDetector().Detect(new ProbabilityMap(Size, Size, values), ValidArea.WholeImage(Size, Size), new SliceGeometry(Size, Size, 0.7, 0.7),
            new LesionBoxOptions(), new QuadrantOptions { Assignment = assignment }, ValidAreaRegion.Rectangle);
    }

    [Fact]
    public void A_call_that_flips_when_one_centroid_moves_1_px_across_the_line_is_flagged_both_ways()
    {
        var below = PatientRule.Evaluate([Slice(FarUpperRight), Slice(FarUpperRight), Slice((44, 30))], Study);
        var above = PatientRule.Evaluate([Slice(FarUpperRight), Slice(FarUpperRight), Slice((44, 29))], Study);

        // The two calls differ by one pixel of one box: the rule flips, and both calls say so.
        Assert.False(below.IsPositive);
        Assert.True(above.IsPositive);
        Assert.Equal(new FragileCall(FragileReason.NearLineWouldComplete, Quadrant.UpperRight, 0, 2), below.Fragility);
        Assert.Equal(new FragileCall(FragileReason.NearLineHoldsRun, Quadrant.UpperRight, 0, 2), above.Fragility);
    }

    [Fact]
    public void Boxes_far_from_the_lines_give_firm_calls()
    {
        var negative = PatientRule.Evaluate([Slice(FarUpperRight), Slice(FarUpperRight), Slice(FarLowerRight)], Study);
        var positive = PatientRule.Evaluate([Slice(FarUpperRight), Slice(FarUpperRight), Slice(FarUpperRight)], Study);
        Assert.Equal((false, null), (negative.IsPositive, negative.Fragility));
        Assert.Equal((true, null), (positive.IsPositive, positive.Fragility));
    }

    [Fact]
    public void A_positive_run_with_one_near_box_is_firm_when_another_run_holds_without_it()
    {
        // Four slices in the upper right, the last one near the line: the first three make a run on their own.
        var decision = PatientRule.Evaluate([Slice(FarUpperRight), Slice(FarUpperRight), Slice(FarUpperRight), Slice((44, 29))], Study);
        Assert.True(decision.IsPositive);
        Assert.Null(decision.Fragility);
    }

    [Fact]
    public void With_the_overlap_assignment_a_box_edge_near_the_line_counts()
    {
        // A 6 x 6 block at row 25 ends at row 31, one pixel above the line: it overlaps the upper right only, but a 1.5 px move
        // reaches the lower right, where two slices already have boxes.
        var edge = Slice((44, 25), QuadrantAssignment.Overlap, height: 6);
        Assert.Equal(Quadrant.UpperRight, Assert.Single(edge.Boxes).Quadrants);
        Assert.Equal(Quadrant.UpperRight | Quadrant.LowerRight, edge.Boxes[0].NearQuadrants);
        var decision = PatientRule.Evaluate([Slice(FarLowerRight, QuadrantAssignment.Overlap), Slice(FarLowerRight, QuadrantAssignment.Overlap), edge], Study);
        Assert.False(decision.IsPositive);
        Assert.Equal(new FragileCall(FragileReason.NearLineWouldComplete, Quadrant.LowerRight, 0, 2), decision.Fragility);
        var far = PatientRule.Evaluate([Slice(FarLowerRight, QuadrantAssignment.Overlap), Slice(FarLowerRight, QuadrantAssignment.Overlap), Slice(FarUpperRight, QuadrantAssignment.Overlap)], Study);
        Assert.Null(far.Fragility);
    }

    [Fact]
    public void Without_the_quadrant_rule_no_call_is_fragile()
    {
        var anywhere = new PatientRuleOptions { SameQuadrant = false };
        Assert.Null(PatientRule.Evaluate([Slice(FarUpperRight), Slice((44, 30)), Empty()], anywhere).Fragility);
        Assert.Null(PatientRule.Evaluate([Slice(FarUpperRight), Slice(FarUpperRight), Slice((44, 30))], anywhere).Fragility);
    }

    [Fact]
    public void The_ml_net_chain_and_the_facade_give_the_same_fragile_call()
    {
        SliceDetection[] detections = [Slice(FarUpperRight), Slice(FarUpperRight), Slice((44, 30)), Empty()];
        double[] positions = [0, 2.5, 5, 7.5];
        var facade = PatientRule.Evaluate("f.nii.gz", "F1", positions, detections, Study);

        var ml = new MLContext(seed: 1);
        var rows = detections.Select((d, z) => new DetectedSliceRow
        {
            PatientId = "F1", Label = true, Source = "f.nii.gz", SliceIndex = z, SliceCount = detections.Length, Position = positions[z], Width = Size, Height = Size,
            IsPositive = d.IsPositive, Score = d.Score, MaxPixelProbability = d.MaxPixelProbability!.Value, ImageScore = (int)d.ImageScore, Quadrants = (int)d.Quadrants,
            BoxCount = d.Boxes.Count, Boxes = LesionBoxColumns.Encode(d.Boxes),
        }).ToArray();
        var view = ml.Data.LoadFromEnumerable(rows);
        using var rule = ml.CovidCt().ApplyPatientRule().Fit(view);
        var chain = Assert.Single(ml.Data.CreateEnumerable<PatientRow>(rule.Transform(view), reuseRowObject: false));

        Assert.NotNull(facade.Fragility);
        Assert.Equal(facade, chain.Decision());
        Assert.Equal(facade, chain.Outcome().Result.Decision);
    }

    private static SliceDetection Empty() => new([], 0, 0.1, ImageScore.MaxPixel);
}
