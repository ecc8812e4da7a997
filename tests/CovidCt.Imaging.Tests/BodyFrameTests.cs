namespace CovidCt.Imaging.Tests;

/// <summary>Issue #14 item 4: the body frame is found the same whatever border of air the slices carry.</summary>
public sealed class BodyFrameTests
{
    private const int Width = 40, Height = 30;

    // Air (−1000) with scanner noise below −500, a body of soft tissue at columns 8..27, rows 5..19 on the first slice and a
    // table row at row 24, columns 4..33, on the second: the frame is their union.
    private static ReadOnlyMemory<float>[] Slices()
    {
        var first = Air();
        var second = Air();
        for (var y = 5; y < 20; y++) for (var x = 8; x < 28; x++) first[y * Width + x] = 40;
        for (var x = 4; x < 34; x++) second[24 * Width + x] = 200;
        return [first, second];
    }

    private static float[] Air()
    {
        var air = new float[Width * Height];
        for (var i = 0; i < air.Length; i++) air[i] = -1000 + (i % 7) * 60 - 180;
        air[3] = float.NaN;
        return air;
    }

    [Fact]
    public void The_bounds_are_the_union_over_the_slices_of_pixels_denser_than_air()
    {
        Assert.Equal(new PixelBox(4, 5, 30, 20), BodyFrame.Bounds(Slices(), Width, Height));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 5)]
    [InlineData(33, 17)]
    [InlineData(65, 9)]
    [InlineData(256, 31)]
    public void The_vectorised_bounds_are_the_per_pixel_scans_bounds_on_odd_sizes(int width, int height)
    {
        var random = new Random(width * 1000 + height);
        for (var trial = 0; trial < 20; trial++)
        {
            // Air with noise up to the threshold itself (-500 is not body), NaN, and a few dense pixels anywhere.
            var slices = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, width * height).Select(_ => random.Next(60) switch
            {
                0 => float.NaN,
                1 => -500f,
                2 => 40f,
                3 => float.PositiveInfinity,
                _ => -1000f + 400 * random.NextSingle(),
            }).ToArray()).ToArray();

            Assert.Equal(ScalarOracle.BodyBounds(slices, width, height), BodyFrame.Bounds([.. slices.Select(s => (ReadOnlyMemory<float>)s)], width, height));
        }
    }

    [Fact]
    public void Slices_of_air_alone_have_no_body()
    {
        Assert.Null(BodyFrame.Bounds([Air()], Width, Height));
    }

    [Fact]
    public void The_square_is_centred_on_the_body_which_spans_the_fraction_of_its_side()
    {
        var square = BodyFrame.Square(new PixelBox(4, 5, 30, 20), 0.75);
        Assert.Equal(new PixelBox(-1, -5, 40, 40), square);
        Assert.Equal((2 * 4 + 30) / 2.0, square.Left + square.Width / 2.0);
        Assert.Equal((2 * 5 + 20) / 2.0, square.Top + square.Height / 2.0);
    }

    [Fact]
    public void Air_added_around_the_slices_moves_the_square_by_the_border_and_nothing_else()
    {
        var (left, top, right, bottom) = (7, 2, 1, 11);
        var (width, height) = (Width + left + right, Height + top + bottom);
        var padded = Slices().Select(slice =>
        {
            var larger = new float[width * height];
            Array.Fill(larger, -1000f);
            for (var y = 0; y < Height; y++) slice.Span.Slice(y * Width, Width).CopyTo(larger.AsSpan((y + top) * width + left, Width));
            return (ReadOnlyMemory<float>)larger;
        }).ToArray();

        var original = BodyFrame.Square(BodyFrame.Bounds(Slices(), Width, Height)!.Value, BodyFrame.TrainingBodyFraction);
        var framed = BodyFrame.Square(BodyFrame.Bounds(padded, width, height)!.Value, BodyFrame.TrainingBodyFraction);

        Assert.Equal(original with { Left = original.Left + left, Top = original.Top + top }, framed);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_to_one_is_refused(double fraction)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BodyFrame.Square(new PixelBox(0, 0, 4, 4), fraction));
    }
}
