using System.Net;
using System.Net.Http.Headers;

namespace CovidCt.Server.Tests;

/// <summary>The access token, the address rules and the per-client limits.</summary>
public sealed class AccessTests
{
    [Fact]
    public async Task With_a_token_the_API_answers_401_without_it_or_with_a_wrong_one()
    {
        using var server = new ServerFixture(o => o with { Token = "s3cret-token" });
        var bare = server.CreateClient();
        var none = await bare.GetAsync("/v1/models");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Authorization: Bearer TOKEN", await none.Content.ReadAsStringAsync());
        bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-tokem");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bare.GetAsync("/v1/models")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bare.PostAsync("/v1/detections", new StringContent("x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bare.GetAsync("/openapi")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client().GetAsync("/v1/models")).StatusCode);
        // Liveness and the page (which holds no data and asks for the token) stay open.
        Assert.Equal(HttpStatusCode.OK, (await bare.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bare.GetAsync("/")).StatusCode);
        Assert.Empty(server.LeftBehind());
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", true, null, "needs an access token")]
    [InlineData("http://*:5080", true, null, "needs an access token")]
    [InlineData("http://192.168.1.20:5080", false, "t", "needs an explicit --urls")]
    [InlineData("ftp://127.0.0.1:5080", true, null, "not an http://")]
    [InlineData("http://0.0.0.0:5080", true, "t", null)]
    [InlineData("http://127.0.0.1:5080", true, null, null)]
    [InlineData("http://localhost:5080", true, null, null)]
    [InlineData("http://[::1]:5080", true, null, null)]
    public void Listening_beyond_loopback_needs_explicit_urls_and_a_token(string url, bool given, string? token, string? problem)
    {
        var options = new ServeOptions { ModelsFolder = "m", DefaultModel = "d", Urls = [url], UrlsGiven = given, Token = token };
        var found = Security.Binding.Problem(options);
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    [Fact]
    public async Task A_client_over_its_read_limit_gets_429_with_Retry_After()
    {
        using var server = new ServerFixture(o => o with { ReadsPerClientPerSecond = 1 });
        var client = server.Client();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) answers.Add(await client.GetAsync("/v1/detections/0123456789abcdef0123456789abcdef"));
        var refused = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds >= 1);
        Assert.Contains("retry after", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Uploads_beyond_the_per_client_concurrency_and_queue_get_429_and_the_rest_succeed()
    {
        using var uploads = new TestUploads();
        using var fixture = new ServerFixture(o => o with { ConcurrentUploadsPerClient = 1, QueuedUploadsPerClient = 0 });
        // Real Kestrel on loopback: it runs the endpoint as soon as the headers arrive (the in-memory test server waits for the
        // whole body), so an upload whose body is held really holds the client's only slot.
        await using var server = await KestrelServer.StartAsync(fixture.Options);
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };
        // The first upload's body arrives only when released, so it holds the slot for as long as the test needs: the outcome
        // no longer depends on how fast the machine scores (on an idle one, unheld uploads never overlapped).
        var release = new TaskCompletionSource();
        var held = client.PostAsync("/v1/detections", new HeldContent(Forms.Of(uploads.SeriesZip), release.Task));
        // The held upload is in the endpoint once its per-request folder exists: from then on it holds the slot.
        for (var waited = 0; fixture.LeftBehind().Length == 0; waited += 50)
        {
            Assert.True(waited < 30_000, "the held upload never reached the endpoint");
            await Task.Delay(50);
        }
        var answers = new List<HttpResponseMessage> { await client.PostAsync("/v1/detections", Forms.Of(uploads.SeriesZip)) };
        release.SetResult();
        answers.Add(await held);

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[0].StatusCode);
        Assert.NotNull(answers[0].Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, answers[1].StatusCode);
        Assert.Empty(fixture.LeftBehind());
    }

    /// <summary>A request body whose first bytes are sent at once and the rest only when the gate completes.</summary>
    private sealed class HeldContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly Task _gate;

        public HeldContent(HttpContent inner, Task gate)
        {
            _inner = inner;
            _gate = gate;
            foreach (var header in inner.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
            Headers.ContentLength = null;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // The first bytes go out at once: the client sends the headers with them, so the server starts the request and
            // takes the slot; the rest waits for the gate.
            var body = await _inner.ReadAsByteArrayAsync();
            await stream.WriteAsync(body.AsMemory(0, 16));
            await stream.FlushAsync();
            await _gate;
            await stream.WriteAsync(body.AsMemory(16));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
