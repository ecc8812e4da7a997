using CovidCt.Testing.Browser;
using Microsoft.Playwright;

namespace CovidCt.Server.Tests;

/// <summary>
/// The page in a real browser: Microsoft.Playwright driving Debian's chromium (nothing downloaded; test.sh installs chromium
/// when it can) against the real Kestrel server on 127.0.0.1. Uploads a DICOM series and a PNG slice, checks red boxes on the
/// canvas, moves the threshold slider and sees the call change, compares two models and downloads the figure.
/// </summary>
public sealed class PageBrowserTests : IDisposable
{
    private const string RedPixels = """
        (selector) => {
          const canvas = document.querySelector(selector);
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let red = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i] === 255 && data[i + 1] === 0 && data[i + 2] === 0) red++;
          return red;
        }
        """;

    private readonly ServerFixture _fixture = new();
    private readonly TestUploads _uploads = new();

    public void Dispose()
    {
        _fixture.Dispose();
        _uploads.Dispose();
    }

    // Waits for a canvas to be drawn; when it is not, the page's own status and messages say why.
    private static async Task Drawn(IPage page, string canvas)
    {
        try
        {
            await page.WaitForSelectorAsync($"{canvas}[data-state=drawn]");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{canvas} was not drawn; status: '{await page.InnerTextAsync("#status")}', messages: '{await page.InnerTextAsync("#messages")}'", e);
        }
    }

    [SkippableFact]
    public async Task The_page_draws_red_boxes_follows_the_threshold_compares_two_models_and_downloads_the_figure()
    {
        var chromium = HeadlessChromium.Require();
        await using var server = await KestrelServer.StartAsync(_fixture.Options);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        var page = await browser.NewPageAsync(new() { AcceptDownloads = true });
        var scriptErrors = new List<string>();
        page.PageError += (_, e) => scriptErrors.Add(e);
        page.SetDefaultTimeout(120_000);

        // A DICOM series (a .zip) with two models side by side.
        await page.GotoAsync(server.Url);
        await page.CheckAsync("input[name=model][value=silent]");
        await page.SetInputFilesAsync("#file", _uploads.SeriesZip);
        await page.ClickAsync("#upload");
        const string lesion = ".panel[data-model=lesion]";
        const string silent = ".panel[data-model=silent]";
        await Drawn(page, $"{lesion} canvas.view");
        await Drawn(page, $"{silent} canvas.view");
        Assert.True(await page.EvaluateAsync<int>(RedPixels, $"{lesion} canvas.view") > 0, "the lesion model's red boxes are on the canvas");
        Assert.Equal(0, await page.EvaluateAsync<int>(RedPixels, $"{silent} canvas.view"));
        Assert.Equal("true", await page.GetAttributeAsync($"{lesion} .call", "data-positive"));
        Assert.Equal("false", await page.GetAttributeAsync($"{silent} .call", "data-positive"));

        // The threshold slider re-runs post-processing: the faint lesions (p = 0.6) vanish at 0.7 and the call turns negative.
        await page.FillAsync("#threshold", "0.7");
        await page.WaitForSelectorAsync($"{lesion} .call[data-positive=false]");
        await page.WaitForFunctionAsync($"() => document.querySelector('{lesion} canvas.view').dataset.state === 'drawn'");
        await page.WaitForFunctionAsync($"() => ({RedPixels})('{lesion} canvas.view') === 0");

        // The downloaded PNG is the API's figure for the slice shown, under the settings shown.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"{lesion} .download-png"));
        var slice = await page.GetAttributeAsync($"{lesion} canvas.view", "data-slice");
        var id = await page.EvaluateAsync<string>("() => document.querySelector('.download-json').download.replace('covidct-', '').replace('.json', '')");
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        var expected = await http.GetByteArrayAsync($"/v1/detections/{id}/slices/{slice}.png?model=lesion&threshold=0.7&min_pixels=25&k=3");
        Assert.Equal(expected, await File.ReadAllBytesAsync((await download.PathAsync())!));

        // One PNG slice with its window.
        await page.GotoAsync(server.Url);
        await page.SetInputFilesAsync("#file", _uploads.Png);
        await page.FillAsync("#window", "1200/-700");
        await page.ClickAsync("#upload");
        await Drawn(page, $"{lesion} canvas.view");
        Assert.True(await page.EvaluateAsync<int>(RedPixels, $"{lesion} canvas.view") > 0, "the PNG slice's red box is on the canvas");
        Assert.Empty(scriptErrors);
        Assert.Empty(_fixture.LeftBehind());
    }
}
