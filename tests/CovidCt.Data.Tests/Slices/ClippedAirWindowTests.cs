using CovidCt.Data.Slices;
using CovidCt.Imaging;
using CovidCt.Testing;

namespace CovidCt.Data.Tests.Slices;

/// <summary>
/// A window whose lower edge lies above the HU that tells air from body (a soft-tissue export) cannot show air: body framing
/// and the lung fields would silently find no edge, so the window check says so before any number.
/// </summary>
public sealed class ClippedAirWindowTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(400, 40, true)]     // soft tissue: lower edge -160 HU
    [InlineData(1000, 0, false)]    // lower edge exactly -500 HU still shows air as black
    [InlineData(1200, -700, false)] // the study's lung window
    public void A_window_that_cannot_show_air_is_implausible_and_says_why(double width, double level, bool clipsAir)
    {
        for (var z = 0; z < 3; z++) ImageFiles.Gray(_folder.File($"png/{z}.png"), 8, 8, (x, y) => (byte)(x * 30));

        var report = SliceWindowCheck.Check(_folder.File("png"), new HounsfieldWindow(width, level));

        Assert.Equal(clipsAir, report.Problems.Any(p => p.Contains("air reads as tissue", StringComparison.Ordinal)));
        if (clipsAir) Assert.True(report.IsImplausible);
    }
}
