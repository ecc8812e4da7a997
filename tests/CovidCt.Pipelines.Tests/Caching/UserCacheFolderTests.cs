using CovidCt.Pipelines.Caching;

namespace CovidCt.Pipelines.Tests.Caching;

/// <summary>The default cache is the user's cache directory, never the repository.</summary>
public sealed class UserCacheFolderTests
{
    [Fact]
    public void XDG_CACHE_HOME_wins_when_absolute()
    {
        var xdg = Path.Combine(Path.GetTempPath(), "xdg");
        Assert.Equal(Path.Combine(xdg, "covidct"), UserCacheFolder.Resolve(xdg, "/home/r"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/cache")]
    public void Otherwise_the_home_cache_is_used(string? xdg) =>
        Assert.Equal(Path.Combine("/home/r", ".cache", "covidct"), UserCacheFolder.Resolve(xdg, "/home/r"));
}
