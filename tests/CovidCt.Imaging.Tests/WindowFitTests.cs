namespace CovidCt.Imaging.Tests;

/// <summary>The window fit on synthetic histograms whose tissue peaks are known, and the WIDTH/LEVEL syntax.</summary>
public sealed class WindowFitTests
{
    [Theory]
    [InlineData(2700, 330)]
    [InlineData(2000, -100)]
    [InlineData(1600, -300)]
    public void Air_fat_and_soft_tissue_peaks_fit_back_to_the_export_window(double width, double level)
    {
        var window = new HounsfieldWindow(width, level);
        var histogram = new long[256];
        histogram[0] = 50_000; // padding outside the scan circle
        Peak(histogram, window.ToGray(-1000), 30_000);
        Peak(histogram, window.ToGray(-850), 8_000);
        Peak(histogram, window.ToGray(-100), 20_000);
        Peak(histogram, window.ToGray(40), 30_000);

        var fit = WindowFit.Of(histogram)!;

        Assert.NotNull(fit.FatGray);
        Assert.Empty(fit.ProblemsWith(window));
        Assert.InRange(fit.BestWindow!.Width, width * 0.95, width * 1.05);
        Assert.InRange(fit.BestWindow.Level, level - 0.03 * width, level + 0.03 * width);
        Assert.NotEmpty(fit.ProblemsWith(StudyProtocol.LungWindow));
    }

    [Fact]
    public void Soft_tissue_clipped_by_a_lung_window_is_plausible_at_it_and_gives_no_fit()
    {
        var window = StudyProtocol.LungWindow;
        var histogram = new long[256];
        Peak(histogram, window.ToGray(-1000), 30_000);
        Peak(histogram, window.ToGray(-850), 20_000);
        histogram[255] = 60_000;

        var fit = WindowFit.Of(histogram)!;

        Assert.True(fit.SoftTissueClipped);
        Assert.Null(fit.BestWindow);
        Assert.Empty(fit.ProblemsWith(window));
    }

    [Fact]
    public void The_steep_edge_of_the_dark_class_is_not_taken_for_a_fat_peak()
    {
        // Air and lung fill levels 10..100 and stop sharply; soft tissue alone peaks at 200. Otsu ends the dark class at 100,
        // so the bright class starts on the dark class's falling edge: that edge is no peak, and there is no fat here.
        var histogram = new long[256];
        for (var g = 10; g <= 100; g++) histogram[g] = 1_000;
        Peak(histogram, 200, 3_000);

        var fit = WindowFit.Of(histogram)!;

        Assert.Null(fit.FatGray);
        Assert.Equal(200, fit.SoftTissueGray);
    }

    [Fact]
    public void Soft_tissue_cut_by_the_clipping_at_255_is_still_a_peak_above_fat()
    {
        // Exported with a window whose top is just above soft tissue (doctor50's slices): its peak rises into level 254 and
        // is cut there; it is soft tissue, and the peak below it fat.
        var histogram = new long[256];
        Peak(histogram, 43, 30_000);
        Peak(histogram, 210, 8_000);
        for (var g = 236; g <= 254; g++) histogram[g] = 200L * (g - 235); // lower than the fat peak, so it is the second peak
        histogram[255] = 2_000;

        var fit = WindowFit.Of(histogram)!;

        Assert.Equal(210, fit.FatGray);
        Assert.Equal(254, fit.SoftTissueGray);
        Assert.False(fit.SoftTissueClipped);
    }

    [Theory]
    [InlineData("1500/-600", 1500, -600)]
    [InlineData(" W1200/L-700 ", 1200, -700)]
    [InlineData("2700/330.5", 2700, 330.5)]
    public void A_window_is_written_WIDTH_slash_LEVEL(string text, double width, double level)
    {
        Assert.True(HounsfieldWindow.TryParse(text, out var window, out var problem), problem);
        Assert.Equal(new HounsfieldWindow(width, level), window);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1500")]
    [InlineData("1500/-600/3")]
    [InlineData("0/40")]
    [InlineData("1,5/40")]
    public void Anything_else_is_refused_with_the_expected_form(string text)
    {
        Assert.False(HounsfieldWindow.TryParse(text, out _, out var problem));
        Assert.Contains("not a window", problem, StringComparison.Ordinal);
    }

    // A peak of JPEG-like spread: count at the centre, half either side.
    private static void Peak(long[] histogram, int gray, long count)
    {
        for (var d = -2; d <= 2; d++)
        {
            var g = Math.Clamp(gray + d, 1, 254);
            histogram[g] += count >> Math.Abs(d);
        }
    }
}
