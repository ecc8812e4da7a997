namespace CovidCt.Metrics.Tests;

public sealed class AreaOverlapTests
{
    [Fact]
    public void Dice_and_iou_of_a_hand_example()
    {
        // Truth 10 px, prediction 6 px, 4 px in both: Dice 2*4/16 = 0.5, IoU 4/12 = 1/3.
        var overlap = new AreaOverlap(10, 6, 4);
        Assert.Equal(0.5, overlap.Dice, 12);
        Assert.Equal(1.0 / 3, overlap.Iou, 12);
    }

    [Fact]
    public void Both_empty_is_1_and_one_empty_is_0()
    {
        Assert.Equal((1.0, 1.0), (new AreaOverlap(0, 0, 0).Dice, new AreaOverlap(0, 0, 0).Iou));
        Assert.Equal((0.0, 0.0), (new AreaOverlap(5, 0, 0).Dice, new AreaOverlap(5, 0, 0).Iou));
        Assert.Equal((0.0, 0.0), (new AreaOverlap(0, 7, 0).Dice, new AreaOverlap(0, 7, 0).Iou));
    }

    [Fact]
    public void Pooling_adds_areas_so_a_patient_is_not_a_mean_of_slices()
    {
        // Slice 1: Dice 1 (both empty); slice 2: truth 10, prediction 10, overlap 5 (Dice 0.5). Pooled: 10, 10, 5 -> 0.5, not 0.75.
        var pooled = new AreaOverlap(0, 0, 0) + new AreaOverlap(10, 10, 5);
        Assert.Equal(0.5, pooled.Dice, 12);
    }

    [Fact]
    public void Impossible_counts_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new AreaOverlap(3, 5, 4).Dice);
        Assert.Throws<InvalidOperationException>(() => new AreaOverlap(-1, 0, 0).Iou);
    }
}
