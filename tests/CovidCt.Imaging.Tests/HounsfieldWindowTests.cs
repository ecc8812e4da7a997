namespace CovidCt.Imaging.Tests;

public sealed class HounsfieldWindowTests
{
    [Theory]
    [InlineData(0, -700)]
    [InlineData(-1200, -700)]
    [InlineData(double.NaN, -700)]
    [InlineData(double.PositiveInfinity, -700)]
    [InlineData(1200, double.NaN)]
    public void A_window_that_cannot_map_hu_is_refused_when_it_is_stated(double width, double level)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HounsfieldWindow(width, level));
        Assert.Contains($"W{width}/L{level}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_study_window_maps_its_edges_to_black_and_white()
    {
        var window = StudyProtocol.LungWindow;
        Assert.Equal((1200.0, -700.0, -1300.0, -100.0), (window.Width, window.Level, window.Lower, window.Upper));
        Assert.Equal("W1200/L-700", window.ToString());
        float[] hounsfield = [-2048f, -1300f, -700f, -100f, 500f, float.NaN];
        var unit = new float[hounsfield.Length];
        window.ToUnit(hounsfield, unit);
        Assert.Equal([0f, 0f, 0.5f, 1f, 1f, 0f], unit);
        Assert.Equal([0, 0, 128, 255, 255, 0], hounsfield.Select(h => window.ToGray(h)).ToArray());
    }

    [Theory]
    [InlineData(1200, -700, 7)]
    [InlineData(1200, -700, 65_536)]
    [InlineData(1290, -560, 4_099)]
    [InlineData(0.37, 12.5, 1_031)]
    public void A_slice_windowed_at_once_gets_each_pixel_s_own_value_bit_for_bit(double width, double level, int length)
    {
        var window = new HounsfieldWindow(width, level);
        var random = new Random(length);
        float[] edges = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, 0f, (float)window.Lower, (float)window.Upper, float.MaxValue, float.MinValue, float.Epsilon];
        var hounsfield = Enumerable.Range(0, length).Select(i => i % 5 == 0 ? edges[i / 5 % edges.Length] : (float)(level + width * (2.4 * random.NextDouble() - 1.2))).ToArray();
        var unit = new float[length];
        window.ToUnit(hounsfield, unit);
        for (var i = 0; i < length; i++)
        {
            // The oracle is the study's formula per pixel (clip((HU - lower) * scale, 0, 1), NaN as 0), compared as bits.
            var v = (hounsfield[i] - (float)(level - width / 2)) * (float)(1 / width);
            var expected = v > 0 ? Math.Min(v, 1f) : 0f;
            Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(unit[i]), $"pixel {i}: HU {hounsfield[i]} gave {unit[i]}, expected {expected}");
        }
    }

    [Fact]
    public void Gray_is_the_rounded_unit_value_in_double_precision_and_round_trips()
    {
        var window = new HounsfieldWindow(2500, 230);
        for (var hu = -1500.0; hu <= 2000; hu += 0.37)
        {
            var expected = (byte)Math.Round(255 * Math.Clamp((hu - window.Lower) / window.Width, 0, 1));
            Assert.Equal(expected, window.ToGray(hu));
        }
        for (var g = 0; g < 256; g++) Assert.Equal((byte)g, window.ToGray(window.ToHounsfield((byte)g)));
    }

    [Fact]
    public void The_model_input_is_computed_in_single_precision_as_the_models_were_trained()
    {
        // The probability cache keys on the window, not on this arithmetic: it must not change.
        var window = new HounsfieldWindow(1100, -650);
        var lower = (float)(-650 - 1100 / 2.0);
        var scale = (float)(1 / 1100.0);
        for (var hu = -1300f; hu <= 0; hu += 0.73f) Assert.Equal(Math.Clamp((hu - lower) * scale, 0f, 1f), window.ToUnit(hu));
    }

    [Fact]
    public void Windows_with_the_same_width_and_level_are_equal()
    {
        Assert.Equal(new HounsfieldWindow(1200, -700), StudyProtocol.LungWindow);
        Assert.NotEqual(new HounsfieldWindow(1200, -600), StudyProtocol.LungWindow);
    }
}
