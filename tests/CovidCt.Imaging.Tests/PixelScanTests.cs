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
}
