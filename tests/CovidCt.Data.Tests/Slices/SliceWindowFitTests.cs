using CovidCt.Data.Slices;
using CovidCt.Imaging;
using CovidCt.Testing;

namespace CovidCt.Data.Tests.Slices;

/// <summary>
/// Issue #14, per-image window fit: one slice's own histogram gives the window it was exported with, and a slice from which no
/// window can be read is a poor fit that says why (never a silent default).
/// </summary>
public sealed class SliceWindowFitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // A slice of air (20%), lung (10%), fat (20%) and soft tissue (50%) as in a chest, each spread by up to ±20 HU as scanner noise spreads
    // them (the fit reads modes of a histogram, which sharp spikes of one gray level do not resemble), exported at `window`.
    private string Exported(string name, HounsfieldWindow window)
    {
        var path = _folder.File(name);
        ImageFiles.Gray(path, 60, 60, (x, y) =>
        {
            var tissue = x < 12 ? WindowFit.AirHounsfield : x < 18 ? -850 : x < 30 ? WindowFit.FatHounsfield : WindowFit.SoftTissueHounsfield;
            return window.ToGray(tissue + (x * 7919 + y * 104729) % 41 - 20);
        });
        return path;
    }

    [Theory]
    [InlineData(1500, -600)]
    [InlineData(2700, 330)]
    [InlineData(3890, -100)]
    public void A_slice_gives_back_the_window_it_was_exported_with(double width, double level)
    {
        var fit = SliceWindowFit.Of(Exported("slice.png", new HounsfieldWindow(width, level)));

        Assert.False(fit.IsPoor, string.Join("; ", fit.Problems));
        Assert.NotNull(fit.Window);
        // Gray levels are whole numbers: a level's rounding moves a landmark by up to W/510 HU, so the fit is this close.
        Assert.InRange(fit.Window!.Width, width * 0.97, width * 1.03);
        Assert.InRange(fit.Window.Level, level - width * 0.02, level + width * 0.02);
    }

    [Fact]
    public void A_fit_reaching_below_what_ct_stores_is_poor_and_says_its_air_is_probably_not_air()
    {
        var fit = SliceWindowFit.Of(Exported("deep.png", new HounsfieldWindow(4000, -1000)));

        Assert.NotNull(fit.Window);
        Assert.True(fit.Window!.Lower < SliceWindowFit.LowestStoredHounsfield);
        Assert.True(fit.IsPoor);
        Assert.Contains("is probably not air", Assert.Single(fit.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_black_slice_is_a_poor_fit_without_a_window_and_says_why()
    {
        var path = _folder.File("black.png");
        ImageFiles.Gray(path, 16, 16, (_, _) => 0);

        var fit = SliceWindowFit.Of(path);

        Assert.True(fit.IsPoor);
        Assert.Null(fit.Window);
        Assert.Contains("too few pixels between black and white", Assert.Single(fit.Problems), StringComparison.Ordinal);
    }
}
