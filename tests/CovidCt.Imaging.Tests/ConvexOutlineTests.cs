namespace CovidCt.Imaging.Tests;

public sealed class ConvexOutlineTests
{
    [Fact]
    public void A_single_pixel_is_its_own_outline()
    {
        var (from, to) = Outline(5, y => y == 2 ? (3, 4) : null);
        Assert.Equal([0, 0, 3, 0, 0], from);
        Assert.Equal([0, 0, 4, 0, 0], to);
    }

    [Fact]
    public void An_l_shape_is_closed_along_its_diagonal_with_centres_on_the_edge_inside()
    {
        // A column of pixels at x = 0 and a bottom row of five: the hull runs from corner (1, 0) to corner (5, 4), through the
        // centre of pixel (1, 0) and of each pixel on that diagonal.
        var (from, to) = Outline(5, y => y < 4 ? (0, 1) : (0, 5));
        Assert.Equal([0, 0, 0, 0, 0], from);
        Assert.Equal([2, 3, 4, 5, 5], to);
    }

    [Fact]
    public void Rows_above_and_below_the_pixels_are_empty_and_a_gap_between_them_is_bridged()
    {
        var (from, to) = Outline(6, y => y is 1 or 4 ? (2, 6) : null);
        Assert.Equal([0, 2, 2, 2, 2, 0], from);
        Assert.Equal([0, 6, 6, 6, 6, 0], to);
    }

    private static (int[] From, int[] To) Outline(int height, Func<int, (int, int)?> extent)
    {
        var from = new int[height];
        var to = new int[height];
        ConvexOutline.Fill(height, y => extent(y), from, to);
        return (from, to);
    }
}
