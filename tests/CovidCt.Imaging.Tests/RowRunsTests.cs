namespace CovidCt.Imaging.Tests;

public sealed class RowRunsTests
{
    // Three 4 x 3 slices: a run in slice 0, one in slice 1 that overlaps it, and one in slice 2 that only meets slice 1's
    // run at an edge (column 3 beside columns 1-2), which face neighbours across slices do not join.
    private static readonly float[] Volume =
    [
        0, 0, 9, 9,
        9, 9, 9, 9,
        9, 9, 9, 9,

        9, 0, 0, 9,
        9, 9, 9, 9,
        9, 9, 9, 9,

        9, 9, 9, 0,
        9, 9, 9, 9,
        9, 9, 9, 9,
    ];

    [Fact]
    public void Without_linking_every_slice_is_labelled_on_its_own()
    {
        var runs = new RowRuns();
        runs.SetBelow(Volume, 4, 3, 3, 1);
        runs.Label(Connectivity.Eight);
        Assert.Equal(3, Components(runs));
    }

    [Fact]
    public void Linking_joins_overlapping_runs_of_neighbouring_slices_but_not_diagonal_ones()
    {
        var runs = new RowRuns();
        runs.SetBelow(Volume, 4, 3, 3, 1);
        runs.Label(Connectivity.Eight, linkSlices: true);
        Assert.Equal(2, Components(runs));
        Assert.Equal(runs.Root(0), runs.Root(1));
        var pixels = new int[runs.Count];
        var border = new bool[runs.Count];
        runs.Measure(pixels, border);
        Assert.Equal(4, pixels[runs.Root(0)]);
        Assert.True(border[runs.Root(0)]);
    }

    [Fact]
    public void The_last_row_of_a_slice_is_not_joined_to_the_first_row_of_the_next()
    {
        float[] volume = [9, 9, 0, 0, /* slice 1 */ 0, 0, 9, 9];
        var runs = new RowRuns();
        runs.SetBelow(volume, 2, 2, 2, 1);
        runs.Label(Connectivity.Four);
        Assert.Equal(2, Components(runs));
        Assert.Equal((0, 0, 2, 2), runs.Bounds());
    }

    private static int Components(RowRuns runs) => Enumerable.Range(0, runs.Count).Select(runs.Root).Distinct().Count();
}
