using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CovidCt.Server.Uploads;

/// <summary>
/// Streams a multipart/form-data upload straight into the request's own folder (ASP.NET Core's form reader would buffer large
/// files in the machine's temp folder, outside it), deciding the file's kind from its first bytes and enforcing the size limit
/// of that kind while it arrives.
/// </summary>
internal static class MultipartUpload
{
    private const int MaxFields = 16;
    private const int MaxFieldLength = 256;

    /// <summary>Reads the upload of <paramref name="request"/> into <paramref name="folder"/>.</summary>
    /// <exception cref="UploadRejectedException">When the request is not a multipart upload of exactly one accepted CT file within the limits.</exception>
    public static async Task<UploadForm> ReadAsync(HttpRequest request, string folder, ServeOptions options, CancellationToken cancel)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new UploadRejectedException(415, "Not a multipart upload",
                "send the CT as multipart/form-data with a 'file' part (a PNG/JPEG slice, a DICOM file, a DICOM series as .zip or a NIfTI volume)");
        }
        var reader = new MultipartReader(boundary, request.Body);
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        (string Path, UploadKind Kind, long Bytes)? file = null;
        var fieldCount = 0;
        while (await reader.ReadNextSectionAsync(cancel) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value is not { } rawName)
            {
                throw new UploadRejectedException(400, "Malformed upload", "every part of the form needs a Content-Disposition with a name");
            }
            var name = HeaderUtilities.RemoveQuotes(rawName).Value!;
            if (disposition.IsFileDisposition())
            {
                if (file is not null) throw new UploadRejectedException(400, "More than one file", "send one CT per upload: one slice, one DICOM series as .zip or one NIfTI volume");
                file = await SaveAsync(section.Body, folder, options, cancel);
                continue;
            }
            if (++fieldCount > MaxFields) throw new UploadRejectedException(400, "Too many fields", $"the form has more than {MaxFields} fields; expected file, model, window, threshold, min_pixels and k");
            var value = await ReadFieldAsync(section.Body, name, cancel);
            if (!fields.TryGetValue(name, out var list)) fields[name] = list = [];
            list.Add(value);
        }
        if (file is not { } f) throw new UploadRejectedException(400, "No file", "the form has no file part; add the CT as the 'file' part");
        return new UploadForm(f.Path, f.Kind, f.Bytes, fields.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal));
    }

    private static async Task<string> ReadFieldAsync(Stream body, string name, CancellationToken cancel)
    {
        var buffer = new char[MaxFieldLength + 1];
        using var text = new StreamReader(body, System.Text.Encoding.UTF8);
        var read = await text.ReadBlockAsync(buffer, cancel);
        if (read > MaxFieldLength) throw new UploadRejectedException(400, "Field too long", $"the form field '{name}' is longer than {MaxFieldLength} characters");
        return new string(buffer, 0, read).Trim();
    }

    private static async Task<(string, UploadKind, long)> SaveAsync(Stream body, string folder, ServeOptions options, CancellationToken cancel)
    {
        var head = new byte[UploadSignature.Length];
        var headLength = await body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancel);
        var kind = UploadSignature.Of(head.AsSpan(0, headLength)) ?? throw new UploadRejectedException(415, "Not a CT file",
            "the file is not a PNG or JPEG slice, a DICOM file (no 'DICM' at byte 128), a .zip of a DICOM series or a NIfTI volume; its content was checked, not its name");
        var limit = UploadSignature.IsSlice(kind) ? options.MaxSliceBytes : options.MaxVolumeBytes;
        var path = Path.Combine(folder, UploadSignature.FileName(kind));
        long total = headLength;
        await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await output.WriteAsync(head.AsMemory(0, headLength), cancel);
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, cancel)) > 0)
            {
                total += read;
                if (total > limit) throw TooLarge(kind, limit);
                await output.WriteAsync(buffer.AsMemory(0, read), cancel);
            }
        }
        return (path, kind, total);
    }

    /// <summary>The 413 for an upload of <paramref name="kind"/> over <paramref name="limit"/> bytes.</summary>
    public static UploadRejectedException TooLarge(UploadKind kind, long limit) => new(413, "Upload too large",
        $"the {(UploadSignature.IsSlice(kind) ? "slice" : "volume")} is larger than {limit / (1024 * 1024.0):0.#} MB, the most this server accepts for {(UploadSignature.IsSlice(kind) ? "one slice" : "a volume")} (covidct serve --max-{(UploadSignature.IsSlice(kind) ? "slice" : "volume")}-mb raises it)");
}
