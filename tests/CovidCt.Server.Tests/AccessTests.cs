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
        using var server = new ServerFixture(o => o with { ConcurrentUploadsPerClient = 1, QueuedUploadsPerClient = 0 });
        var client = server.Client();
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsync("/v1/detections", Forms.Of(uploads.SeriesZip))));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.TooManyRequests, a.StatusCode.ToString()));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.TooManyRequests && a.Headers.RetryAfter is not null);
        Assert.Empty(server.LeftBehind());
    }
}
