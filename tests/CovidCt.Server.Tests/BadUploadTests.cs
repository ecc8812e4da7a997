using System.Net;
using System.Text;
using System.Text.Json;

namespace CovidCt.Server.Tests;

/// <summary>
/// Every bad upload gets its status and an RFC 9457 problem naming what was expected, never a stack trace, and leaves no file
/// behind in the upload folder.
/// </summary>
public sealed class BadUploadTests : IDisposable
{
    private static readonly TestUploads Uploads = new();
    private readonly ServerFixture _server = new(o => o with { MaxSliceBytes = 64 * 1024, MaxVolumeBytes = 2 * 1024 * 1024, MaxZipEntries = 10 });

    public void Dispose() => _server.Dispose();

    /// <summary>name → (form, expected status, words the detail must hold).</summary>
    private static readonly Dictionary<string, (Func<HttpContent> Form, HttpStatusCode Status, string Words)> Cases = new()
    {
        ["text file"] = (() => Forms.Of("patient,label\n"u8.ToArray(), "slice.png"), HttpStatusCode.UnsupportedMediaType, "not a PNG or JPEG slice"),
        ["empty file"] = (() => Forms.Of([], "slice.dcm"), HttpStatusCode.UnsupportedMediaType, "its content was checked"),
        ["truncated PNG"] = (() => Forms.Of(File.ReadAllBytes(Uploads.Png)[..60], "slice.png"), HttpStatusCode.UnprocessableEntity, "slice.png"),
        ["truncated DICOM"] = (() => Forms.Of(File.ReadAllBytes(Path.Combine(Uploads.SeriesFolder, "0001.dcm"))[..400], "a.dcm"), HttpStatusCode.UnprocessableEntity, "slice.dcm"),
        ["NIfTI header only"] = (() => Forms.Of(NiftiHeaderOnly(), "v.nii"), HttpStatusCode.UnprocessableEntity, "volume.nii"),
        ["truncated gzip"] = (() => Forms.Of(File.ReadAllBytes(Uploads.Nifti)[..40], "v.nii.gz"), HttpStatusCode.UnprocessableEntity, "volume.nii.gz"),
        ["zip with ../ entry"] = (() => Forms.Of(TestUploads.Zip(("../../etc/evil.dcm", [1, 2, 3])), "s.zip"), HttpStatusCode.BadRequest, "'..'"),
        ["zip with absolute entry"] = (() => Forms.Of(TestUploads.Zip(("/tmp/evil.dcm", [1, 2, 3])), "s.zip"), HttpStatusCode.BadRequest, "absolute path"),
        ["zip with too many entries"] = (() => Forms.Of(TestUploads.Zip(Enumerable.Range(0, 11).Select(i => ($"{i}.dcm", new byte[] { 1 })).ToArray()), "s.zip"), HttpStatusCode.RequestEntityTooLarge, "at most 10"),
        ["zip bomb"] = (() => Forms.Of(TestUploads.Zip(("bomb.dcm", new byte[8 * 1024 * 1024])), "s.zip"), HttpStatusCode.RequestEntityTooLarge, "zip bomb"),
        ["zip of no DICOM"] = (() => Forms.Of(TestUploads.Zip(("readme.txt", "hello"u8.ToArray())), "s.zip"), HttpStatusCode.UnprocessableEntity, "DICOM"),
        ["empty zip"] = (() => Forms.Of(TestUploads.Zip(), "s.zip"), HttpStatusCode.UnprocessableEntity, "no files"),
        ["oversize slice"] = (() => Forms.Of([.. File.ReadAllBytes(Uploads.Png), .. new byte[70 * 1024]], "big.png"), HttpStatusCode.RequestEntityTooLarge, "one slice"),
        ["oversize volume"] = (() => Forms.Of([.. "PK\x03\x04"u8.ToArray(), .. new byte[3 * 1024 * 1024]], "big.zip"), HttpStatusCode.RequestEntityTooLarge, "a volume"),
        ["no file part"] = (() => new MultipartFormDataContent { { new StringContent("lesion"), "model" } }, HttpStatusCode.BadRequest, "no file part"),
        ["two files"] = (() => TwoFiles(), HttpStatusCode.BadRequest, "one CT per upload"),
        ["not multipart"] = (() => new StringContent("{}", Encoding.UTF8, "application/json"), HttpStatusCode.UnsupportedMediaType, "multipart/form-data"),
        ["unknown model"] = (() => Forms.Of(Uploads.Png, ("model", "unetpp-v9")), HttpStatusCode.BadRequest, "lesion, silent"),
        ["three models"] = (() => Forms.Of(Uploads.Png, ("model", "lesion"), ("model", "silent"), ("model", "x")), HttpStatusCode.BadRequest, "at most 2"),
        ["bad threshold"] = (() => Forms.Of(Uploads.Png, ("threshold", "1.5")), HttpStatusCode.BadRequest, "'threshold' is '1.5'"),
        ["bad k"] = (() => Forms.Of(Uploads.Png, ("k", "0")), HttpStatusCode.BadRequest, "'k' is '0'"),
        ["bad window"] = (() => Forms.Of(Uploads.Png, ("window", "wide")), HttpStatusCode.BadRequest, "'window'"),
    };

    public static TheoryData<string> Names() => new(Cases.Keys);

    private static byte[] NiftiHeaderOnly()
    {
        var header = new byte[348];
        BitConverter.GetBytes(348).CopyTo(header, 0);
        return header;
    }

    private static MultipartFormDataContent TwoFiles()
    {
        var form = Forms.Of(Uploads.Png);
        form.Add(new ByteArrayContent(File.ReadAllBytes(Uploads.Png)), "file2", "b.png");
        return form;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_bad_upload_gets_its_status_an_actionable_problem_and_leaves_nothing(string name)
    {
        var (form, status, words) = Cases[name];
        var response = await _server.Client().PostAsync("/v1/detections", form());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{name}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(words, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at CovidCt.", body);
        Assert.DoesNotContain(_server.Options.TempRoot, body);
        Assert.Empty(_server.LeftBehind());
    }
}
