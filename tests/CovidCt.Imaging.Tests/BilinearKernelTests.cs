namespace CovidCt.Imaging.Tests;

/// <summary>
/// The separable, vectorised resample kernel against the direct per-pixel formula it replaced (the oracle below), bit for
/// bit: an upscale by 4 (the shipped models' maps back to 512 x 512), odd and non-square sizes, a downscale, and taps that
/// repeat or jump rows, as a body frame's clamped edges make them.
/// </summary>
public sealed class BilinearKernelTests
{
    [Theory]
    [InlineData(128, 128, 512, 512)]
    [InlineData(128, 128, 531, 530)]
    [InlineData(512, 512, 128, 128)]
    [InlineData(7, 5, 13, 3)]
    [InlineData(1, 1, 9, 4)]
    public void Resample_gives_the_direct_formulas_floats_bit_for_bit(int sourceWidth, int sourceHeight, int width, int height)
    {
        var random = new Random(sourceWidth * 31 + width);
        var source = Enumerable.Range(0, sourceWidth * sourceHeight).Select(_ => random.NextSingle()).ToArray();
        var columns = RandomTaps(random, width, sourceWidth);
        var rows = RandomTaps(random, height, sourceHeight);
        var result = new float[width * height];

        BilinearResize.Resample(source, sourceWidth, columns, rows, result);

        Assert.Equal(Direct(source, sourceWidth, columns, rows), result);
    }

    [Theory]
    [InlineData(128, 128, 512, 512)]
    [InlineData(7, 5, 13, 3)]
    [InlineData(128, 96, 531, 530)]
    public void Some_rows_in_any_order_are_the_whole_resamples_rows_and_the_others_are_left_alone(int sourceWidth, int sourceHeight, int width, int height)
    {
        var random = new Random(sourceHeight * 17 + height);
        var source = Enumerable.Range(0, sourceWidth * sourceHeight).Select(_ => random.NextSingle()).ToArray();
        var columns = RandomTaps(random, width, sourceWidth);
        var rows = RandomTaps(random, height, sourceHeight);
        var whole = new float[width * height];
        BilinearResize.Resample(source, sourceWidth, columns, rows, whole);
        var only = Enumerable.Range(0, height).Where(_ => random.Next(3) == 0).OrderBy(_ => random.Next()).ToArray();
        var some = Enumerable.Repeat(-7f, width * height).ToArray();

        using (var resample = new BilinearRows(source, sourceWidth, columns, rows))
        {
            foreach (var y in only) resample.Row(y, some.AsSpan(y * width, width));
        }

        for (var y = 0; y < height; y++)
        {
            var expected = only.Contains(y) ? whole.AsSpan(y * width, width).ToArray() : Enumerable.Repeat(-7f, width).ToArray();
            Assert.Equal(expected, some.AsSpan(y * width, width).ToArray());
        }
    }

    [Fact]
    public void A_row_that_is_not_a_destination_row_is_refused()
    {
        var taps = new ResizeTaps(4);
        foreach (var y in new[] { 4, -1 })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() =>
            {
                using var resample = new BilinearRows(new float[4], 2, taps, taps);
                resample.Row(y, new float[4]);
            });
        }
    }

    [Fact]
    public void A_destination_that_does_not_match_the_taps_is_refused()
    {
        var taps = new ResizeTaps(4);
        Assert.Throws<ArgumentException>(() => BilinearResize.Resample(new float[4], 2, taps, taps, new float[15]));
    }

    // Monotone taps as resizes make them, with stretches where lower == upper (clamped edges) and rows skipped (downscales).
    private static ResizeTaps RandomTaps(Random random, int count, int sourceLength)
    {
        var taps = new ResizeTaps(count);
        var position = 0.0;
        for (var i = 0; i < count; i++)
        {
            position = Math.Min(position + random.NextDouble() * 2.0 * sourceLength / count, sourceLength - 1);
            var lower = (int)position;
            var upper = random.Next(5) == 0 ? lower : Math.Min(lower + 1, sourceLength - 1);
            taps.Set(i, lower, upper, (float)(position - lower));
        }
        return taps;
    }

    // The oracle: each destination pixel on its own, as the pipeline computed it before the kernel was made separable.
    private static float[] Direct(float[] source, int sourceWidth, ResizeTaps columns, ResizeTaps rows)
    {
        var result = new float[columns.Count * rows.Count];
        for (var y = 0; y < rows.Count; y++)
        {
            var (top, bottom, fy) = (rows.Lower[y] * sourceWidth, rows.Upper[y] * sourceWidth, rows.Weight[y]);
            for (var x = 0; x < columns.Count; x++)
            {
                var (a, b, fx) = (columns.Lower[x], columns.Upper[x], columns.Weight[x]);
                var upper = source[top + a] + (source[top + b] - source[top + a]) * fx;
                var lower = source[bottom + a] + (source[bottom + b] - source[bottom + a]) * fx;
                result[y * columns.Count + x] = upper + (lower - upper) * fy;
            }
        }
        return result;
    }
}
