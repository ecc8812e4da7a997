using Microsoft.AspNetCore.Builder;

namespace CovidCt.Server.Tests;

/// <summary>The real server (Kestrel, as covidct serve runs it) on 127.0.0.1 and a free port, stopped when disposed.</summary>
internal sealed class KestrelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The address it listens on, http://127.0.0.1:PORT.</summary>
    public string Url { get; }

    /// <summary>Starts the server with <paramref name="options"/> on a port the system chooses.</summary>
    public static async Task<KestrelServer> StartAsync(ServeOptions options)
    {
        var app = ServerSetup.Build(options with { Urls = ["http://127.0.0.1:0"], UrlsGiven = true });
        await app.StartAsync();
        return new KestrelServer(app, app.Urls.Single());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
