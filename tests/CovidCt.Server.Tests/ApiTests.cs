using System.Net;
using System.Text.Json;

namespace CovidCt.Server.Tests;

/// <summary>The HTTP API on good uploads: each accepted form, the re-run of post-processing, figures, models, health and OpenAPI.</summary>
public sealed class ApiTests : IDisposable
{
    private readonly ServerFixture _server = new();
    private readonly TestUploads _uploads = new();

    public void Dispose()
    {
        _server.Dispose();
        _uploads.Dispose();
    }

    private async Task<JsonElement> Upload(HttpClient client, MultipartFormDataContent form)
    {
        var response = await client.PostAsync("/v1/detections", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_DICOM_series_as_zip_gives_boxes_on_the_lesion_slices_and_a_positive_patient()
    {
        var result = await Upload(_server.Client(), Forms.Of(_uploads.SeriesZip));
        Assert.Equal(6, result.GetProperty("input").GetProperty("slices").GetInt32());
        var lesion = result.GetProperty("results")[0];
        Assert.Equal("lesion", lesion.GetProperty("model").GetString());
        var slices = lesion.GetProperty("slices").EnumerateArray().ToArray();
        Assert.Equal([true, true, true, true, false, false], slices.Select(s => s.GetProperty("positive").GetBoolean()));
        Assert.All(slices.Take(4), s => Assert.Equal("UpperLeft", s.GetProperty("quadrants").GetString()));
        var rule = lesion.GetProperty("patient_rule");
        Assert.True(rule.GetProperty("positive").GetBoolean());
        Assert.Equal(0, rule.GetProperty("first_slice_index").GetInt32());
        Assert.StartsWith("POSITIVE", lesion.GetProperty("call").GetString());
        Assert.Empty(_server.LeftBehind());
    }

    [Fact]
    public async Task Changing_threshold_min_size_and_k_re_runs_post_processing_on_the_kept_maps()
    {
        var client = _server.Client();
        var id = (await Upload(client, Forms.Of(_uploads.SeriesZip))).GetProperty("id").GetString();
        async Task<JsonElement> Rule(string query) =>
            JsonDocument.Parse(await client.GetStringAsync($"/v1/detections/{id}?{query}")).RootElement.GetProperty("results")[0].GetProperty("patient_rule");
        Assert.True((await Rule("threshold=0.5")).GetProperty("positive").GetBoolean());
        // The faint lesions sit at p = 0.6: above 0.7 they are gone; too small for 200 pixels; 4 slices cannot make k = 5.
        Assert.Equal(0, (await Rule("threshold=0.7")).GetProperty("positive_slices").GetInt32());
        Assert.Equal(0, (await Rule("min_pixels=200")).GetProperty("positive_slices").GetInt32());
        var k5 = await Rule("k=5");
        Assert.False(k5.GetProperty("positive").GetBoolean());
        Assert.Equal(4, k5.GetProperty("positive_slices").GetInt32());
    }

    [Fact]
    public async Task Two_models_are_scored_side_by_side_on_one_upload()
    {
        var result = await Upload(_server.Client(), Forms.Of(_uploads.SeriesZip, ("model", "lesion"), ("model", "silent")));
        var results = result.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["lesion", "silent"], results.Select(r => r.GetProperty("model").GetString()));
        Assert.True(results[0].GetProperty("patient_rule").GetProperty("positive").GetBoolean());
        Assert.False(results[1].GetProperty("patient_rule").GetProperty("positive").GetBoolean());
    }

    [Theory]
    [InlineData("png")]
    [InlineData("dicom")]
    [InlineData("nifti")]
    public async Task Each_accepted_form_is_read_by_its_content(string form)
    {
        var (path, slices) = form switch
        {
            "png" => (_uploads.Png, 1),
            "dicom" => (Path.Combine(_uploads.SeriesFolder, "0001.dcm"), 1),
            _ => (_uploads.Nifti, 6),
        };
        // A misleading name: the content decides, never the name.
        var result = await Upload(_server.Client(), Forms.Of(File.ReadAllBytes(path), "scan.bin", ("window", "1200/-700")));
        Assert.Equal(slices, result.GetProperty("input").GetProperty("slices").GetInt32());
        Assert.True(result.GetProperty("results")[0].GetProperty("slices")[0].GetProperty("positive").GetBoolean());
        Assert.Empty(_server.LeftBehind());
    }

    [Fact]
    public async Task A_PNG_without_a_window_is_read_at_the_study_window_with_a_note()
    {
        var result = await Upload(_server.Client(), Forms.Of(_uploads.Png));
        Assert.Contains("No window was stated", result.GetProperty("notes")[0].GetString());
    }

    [Fact]
    public async Task The_upload_name_is_never_echoed()
    {
        var client = _server.Client();
        var response = await client.PostAsync("/v1/detections", Forms.Of(File.ReadAllBytes(_uploads.SeriesZip), "Doe^Jane-1937-05-01.zip"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/v1/detections/{JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()}", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Doe", body);
        Assert.DoesNotContain("1937", body);
    }

    [Fact]
    public async Task Slice_figures_and_heat_overlays_are_PNGs_and_a_slice_outside_the_volume_is_404()
    {
        var client = _server.Client();
        var id = (await Upload(client, Forms.Of(_uploads.SeriesZip))).GetProperty("id").GetString();
        foreach (var url in new[] { $"/v1/detections/{id}/slices/0.png", $"/v1/detections/{id}/slices/0.png?model=lesion&threshold=0.7", $"/v1/detections/{id}/slices/5/heat.png" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        }
        var outside = await client.GetAsync($"/v1/detections/{id}/slices/6.png");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Contains("outside this CT's 6 slice(s)", await outside.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Models_health_page_and_openapi_answer()
    {
        var client = _server.Client();
        var models = JsonDocument.Parse(await client.GetStringAsync("/v1/models")).RootElement.EnumerateArray().ToArray();
        Assert.Equal(["lesion", "silent"], models.Select(m => m.GetProperty("name").GetString()));
        Assert.True(models[0].GetProperty("is_default").GetBoolean());
        Assert.Contains("\"ok\"", await client.GetStringAsync("/health"));
        var openapi = await client.GetStringAsync("/openapi");
        Assert.Contains("/v1/detections/{id}/slices/{n}.png", openapi);
        var page = await client.GetAsync("/");
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("http", (await client.GetStringAsync("/page/app.js")).Replace("https://", "").Replace("http://", ""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beyond_the_memory_budget_the_oldest_result_is_dropped_and_the_newest_kept()
    {
        using var server = new ServerFixture(o => o with { MaxHeldBytes = 1 });
        var client = server.Client();
        var first = (await Upload(client, Forms.Of(_uploads.Png))).GetProperty("id").GetString();
        var second = (await Upload(client, Forms.Of(_uploads.Png))).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/detections/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/detections/{second}")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_or_expired_result_is_a_404_problem()
    {
        using var server = new ServerFixture(o => o with { Expiry = TimeSpan.FromMilliseconds(300) });
        var client = server.Client();
        var missing = await client.GetAsync("/v1/detections/0123456789abcdef0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        var id = (await Upload(client, Forms.Of(_uploads.Png))).GetProperty("id").GetString();
        await Task.Delay(600);
        var expired = await client.GetAsync($"/v1/detections/{id}");
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Contains("upload the CT again", await expired.Content.ReadAsStringAsync());
    }
}
