using System.Net;
using System.Text.Json;

namespace CovidCt.Server.Tests;

/// <summary>
/// Issue #14: a NIfTI upload with sform_code = qform_code = 0 is read as standard axial, and the upload's warnings say so
/// (the page shows them before the results); the server's own upload path is never named. A NIfTI that states its geometry
/// gives no warning.
/// </summary>
public sealed class ReadAssumptionUploadTests : IDisposable
{
    private readonly ServerFixture _server = new();
    private readonly TestUploads _uploads = new();

    public void Dispose()
    {
        _server.Dispose();
        _uploads.Dispose();
    }

    private async Task<string[]> Warnings(string path)
    {
        var response = await _server.Client().PostAsync("/v1/detections", Forms.Of(path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)];
    }

    [Fact]
    public async Task A_NIfTI_upload_without_orientation_warns_that_it_was_read_as_standard_axial()
    {
        var path = _uploads.File("no-orientation.nii");
        Data.Nifti.NiftiWriter.Write(_uploads.Volume, path);
        using (var header = File.OpenWrite(path))
        {
            header.Position = 252; // qform_code, then sform_code (int16 each)
            header.Write(new byte[4]);
        }

        var warning = Assert.Single(await Warnings(path));

        Assert.Contains("field 'sform_code, qform_code': both are 0, so the file states no orientation and was read as standard axial", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Options.TempRoot, warning, StringComparison.Ordinal);
        Assert.Empty(await Warnings(_uploads.Nifti));
    }
}
