namespace CovidCt.Imaging.Tests;

/// <summary>The vectorised scans against the plain loops they replaced, at every length around the vector width, NaN included.</summary>
public sealed class PixelScanTests
{
    public static TheoryData<int> Lengths() => [.. Enumerable.Range(0, 40).Append(262_144).Append(262_147)];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Highest_Lowest_and_CountAtLeast_give_the_plain_loops_numbers(int length)
    {
        var random = new Random(length);
        var values = Enumerable.Range(0, length).Select(_ => random.Next(10) switch
        {
            0 => float.NaN,
            1 => 0.5f,
            _ => random.NextSingle(),
        }).ToArray();

        foreach (var start in new[] { 0f, 0.5f, -1f, 2f })
        {
            var expected = start;
            foreach (var v in values) if (v > expected) expected = v;
            Assert.Equal(expected, PixelScan.Highest(values, start));
        }
        foreach (var start in new[] { 1f, 0.5f, 2f, float.PositiveInfinity })
        {
            var expected = start;
            foreach (var v in values) if (v < expected) expected = v;
            Assert.Equal(expected, PixelScan.Lowest(values, start));
        }
        foreach (var threshold in new[] { 0.5f, 0.999f, 0f, 1.5f })
        {
            Assert.Equal(values.LongCount(v => v >= threshold), PixelScan.CountAtLeast(values, threshold));
        }
    }

    [Fact]
    public void A_map_of_nan_has_no_highest_value_above_the_start_and_nothing_at_a_threshold()
    {
        var values = Enumerable.Repeat(float.NaN, 33).ToArray();
        Assert.Equal(0f, PixelScan.Highest(values, 0f));
        Assert.Equal(float.PositiveInfinity, PixelScan.Lowest(values, float.PositiveInfinity));
        Assert.Equal(0L, PixelScan.CountAtLeast(values, 0f));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void FirstAbove_LastAbove_and_FirstNonFinite_give_the_plain_loops_indices(int length)
    {
        var random = new Random(length + 1);
        // Mostly air with a few denser pixels, NaN and infinities: every index of a hit around the vector width is reached.
        var values = Enumerable.Range(0, length).Select(_ => random.Next(40) switch
        {
            0 => float.NaN,
            1 => float.PositiveInfinity,
            2 => float.NegativeInfinity,
            3 => -500f,
            4 => 40f,
            _ => -1000f + random.NextSingle(),
        }).ToArray();

        Assert.Equal(ScalarOracle.FirstAbove(values, -500f), PixelScan.FirstAbove(values, -500f));
        Assert.Equal(ScalarOracle.LastAbove(values, -500f), PixelScan.LastAbove(values, -500f));
        Assert.Equal(ScalarOracle.FirstNonFinite(values), PixelScan.FirstNonFinite(values));
        var finite = values.Select(v => float.IsFinite(v) ? v : 0f).ToArray();
        Assert.Equal(-1, PixelScan.FirstNonFinite(finite));
        for (var at = Math.Max(0, length - 9); at < length; at++)
        {
            var one = (float[])finite.Clone();
            one[at] = float.NaN;
            Assert.Equal(ScalarOracle.FirstNonFinite(one), PixelScan.FirstNonFinite(one));
        }
    }

    [Fact]
    public void A_row_of_nan_or_air_has_nothing_above_air()
    {
        var values = Enumerable.Repeat(float.NaN, 33).Concat(Enumerable.Repeat(-1000f, 17)).ToArray();
        Assert.Equal(-1, PixelScan.FirstAbove(values, -500f));
        Assert.Equal(-1, PixelScan.LastAbove(values, -500f));
        Assert.Equal(0, PixelScan.FirstNonFinite(values));
    }
}
