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
