using CovidCt.Pipelines.Caching;

namespace CovidCt.Pipelines.Tests.Caching;

/// <summary>
/// Issue #20: the cache quantises and dequantises 32 pixels at a time. Every byte and every probability must come out as the
/// per-pixel arithmetic the cache used before (the oracles below), bit for bit, or a warm run would decide on other numbers.
/// </summary>
public sealed class ProbabilityQuantisationTests
{
    // The cache's reading before: a table of k / 255.
    private static readonly float[] Levels = Enumerable.Range(0, 256).Select(k => k / 255f).ToArray();

    // The cache's writing before, per pixel.
    private static byte OldLevel(float v) => v <= 0 ? (byte)0 : v >= 1 ? (byte)255 : (byte)MathF.Round(v * 255f, MidpointRounding.AwayFromZero);

    [Fact]
    public void Every_byte_dequantises_to_the_same_float_as_the_table_of_k_over_255()
    {
        // 256 levels twice, then a tail shorter than a block.
        byte[] bytes = [.. Enumerable.Range(0, 256).Select(k => (byte)k), .. Enumerable.Range(0, 256).Select(k => (byte)(255 - k)), 7, 128, 255];

        var values = ProbabilityQuantisation.Dequantise(bytes);

        Assert.Equal(bytes.Select(b => BitConverter.SingleToInt32Bits(Levels[b])), values.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Every_probability_quantises_to_the_same_byte_as_the_per_pixel_rounding()
    {
        var random = new Random(20);
        var values = new List<float> { 0f, -0f, 1f, -1f, 2f, float.Epsilon, -float.Epsilon, float.PositiveInfinity, float.NegativeInfinity, 1e-30f, 0.99999994f };
        for (var k = 0; k < 255; k++)
        {
            // Exact halves between levels and the floats either side of them: where rounding modes differ.
            var half = (k + 0.5f) / 255f;
            values.AddRange([half, MathF.BitDecrement(half), MathF.BitIncrement(half), k / 255f, MathF.BitIncrement(k / 255f)]);
        }
        for (var i = 0; i < 20_000; i++) values.Add((float)random.NextDouble());
        values.AddRange([0.3f, 0.7f, 0.5f]);

        var bytes = ProbabilityQuantisation.Quantise(values.ToArray(), "map");

        Assert.Equal(values.Select(OldLevel), bytes);
    }

    [Fact]
    public void A_NaN_inside_a_block_is_refused_naming_its_index()
    {
        var values = new float[100];
        values[40] = float.NaN;

        var error = Assert.Throws<ArgumentException>(() => ProbabilityQuantisation.Quantise(values, "map"));

        Assert.Contains("value 40 is NaN", error.Message);
        Assert.Equal("map", error.ParamName);
    }
}
