using System.Text.Json;
using CovidCt.Cli;

namespace CovidCt.Server.Tests;

/// <summary>
/// The CLI and the API give the same boxes, decisions and red-box figures for the same input and settings: both call the one
/// pipeline and the one renderer. (The page draws the API's figures; the browser test checks its download against them.)
/// </summary>
public sealed class IdentityTests : IDisposable
{
    private readonly ServerFixture _server = new();
    private readonly TestUploads _uploads = new();

    public void Dispose()
    {
        _server.Dispose();
        _uploads.Dispose();
    }

    [Fact]
    public async Task Covidct_detect_and_the_API_give_identical_boxes_decisions_and_figures_for_one_DICOM_series()
    {
        var outFolder = _uploads.File("detect");
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = CliApp.Run(["detect", _uploads.SeriesFolder, "--model", Path.Combine(_server.ModelsFolder, "lesion.onnx"), "--json", "--out", outFolder], output, error);
        Assert.True(code == CliApp.Success, error.ToString());
        var cli = JsonDocument.Parse(output.ToString()).RootElement;

        var client = _server.Client();
        var response = await client.PostAsync("/v1/detections", Forms.Of(_uploads.SeriesZip));
        var api = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var result = api.GetProperty("results")[0];

        Assert.Equal(Compact(cli.GetProperty("patient_rule")), Compact(result.GetProperty("patient_rule")));
        var cliSlices = cli.GetProperty("detections").EnumerateArray().ToArray();
        var apiSlices = result.GetProperty("slices").EnumerateArray().ToArray();
        Assert.Equal(cliSlices.Length, apiSlices.Length);
        Assert.Contains(apiSlices, s => s.GetProperty("boxes").GetArrayLength() > 0);
        for (var i = 0; i < cliSlices.Length; i++)
        {
            Assert.Equal(Compact(cliSlices[i].GetProperty("boxes")), Compact(apiSlices[i].GetProperty("boxes")));
            var figure = await client.GetByteArrayAsync(apiSlices[i].GetProperty("figure").GetString());
            Assert.Equal(File.ReadAllBytes(cliSlices[i].GetProperty("figure").GetString()!), figure);
        }
    }

    [SkippableFact]
    public async Task On_a_real_LIDC_IDRI_slice_with_the_shipped_model_covidct_detect_and_the_API_agree()
    {
        var series = SharedData.LidcPatient("LIDC-IDRI-0001");
        var slice = Directory.GetFiles(series, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ElementAt(60);
        using var server = new ServerFixture(shippedModel: "unetpp-v2");
        var (output, error) = (new StringWriter(), new StringWriter());
        var png = _uploads.File("real.png");
        var code = CliApp.Run(["detect", slice, "--model", Path.Combine(server.ModelsFolder, "unetpp-v2.onnx"), "--json", "--out", png], output, error);
        Assert.True(code == CliApp.Success, error.ToString());
        var cli = JsonDocument.Parse(output.ToString()).RootElement;
        var client = server.Client();
        var response = await client.PostAsync("/v1/detections", Forms.Of(slice));
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("results")[0];
        Assert.Equal(Compact(cli.GetProperty("patient_rule")), Compact(result.GetProperty("patient_rule")));
        Assert.Equal(Compact(cli.GetProperty("detections")[0].GetProperty("boxes")), Compact(result.GetProperty("slices")[0].GetProperty("boxes")));
        Assert.Equal(File.ReadAllBytes(png), await client.GetByteArrayAsync(result.GetProperty("slices")[0].GetProperty("figure").GetString()));
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
