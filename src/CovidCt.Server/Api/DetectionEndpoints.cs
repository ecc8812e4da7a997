using CovidCt.Data;
using CovidCt.Pipelines.Rendering;
using CovidCt.Reporting.Files;
using CovidCt.Server.Detection;
using CovidCt.Server.Security;
using CovidCt.Server.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CovidCt.Server.Api;

/// <summary>
/// <c>POST /v1/detections</c> (upload, decode, score with each model asked for, post-process), <c>GET /v1/detections/{id}</c>
/// (post-processing and the rule again under new settings, without re-scoring), and the red-box and heat figures of a slice.
/// </summary>
internal static class DetectionEndpoints
{
    private const long FormOverheadBytes = 1024 * 1024;

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/detections", Upload).RequireRateLimiting(ClientLimits.Uploads).DisableAntiforgery()
            .WithSummary("Upload one CT and detect lesions")
            .WithDescription("multipart/form-data: 'file' (a PNG/JPEG slice, one DICOM file, a DICOM series as .zip, or a NIfTI volume; recognised by content), "
                + "'model' (0, 1 or 2 times; GET /v1/models), 'window' (WIDTH/LEVEL a PNG/JPEG was exported with), 'series' (Series Instance UID when the zip holds several), "
                + "'threshold', 'min_pixels', 'k'. Answers 201 with the boxes, per-slice and per-patient decisions and the result id.");
        endpoints.MapGet("/v1/detections/{id}", Get).RequireRateLimiting(ClientLimits.Reads)
            .WithSummary("A result under new post-processing settings")
            .WithDescription("Query 'threshold', 'min_pixels', 'k': steps 5 to 8 re-run on the kept probability maps; the models are not run again.");
        endpoints.MapGet("/v1/detections/{id}/slices/{n:int}.png", Figure).RequireRateLimiting(ClientLimits.Reads)
            .WithSummary("The red-box figure of slice n (0-based)")
            .WithDescription("Query 'model' (default: the first scored), 'threshold', 'min_pixels', 'k'. Drawn by the same renderer as covidct detect.");
        endpoints.MapGet("/v1/detections/{id}/slices/{n:int}/heat.png", Heat).RequireRateLimiting(ClientLimits.Reads)
            .WithSummary("The probability map of slice n as a transparent heat overlay")
            .WithDescription("Query 'model' (default: the first scored).");
    }

    private static async Task<IResult> Upload(HttpContext http, ModelCatalog catalog, DetectionStore store, ServeOptions options, ILoggerFactory logs, CancellationToken cancel)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = options.MaxVolumeBytes + FormOverheadBytes;
        var id = DetectionStore.NewId();
        var folder = RequestFolder.Create(options.TempRoot, id);
        try
        {
            var form = await MultipartUpload.ReadAsync(http.Request, folder, options, cancel);
            var slots = Models(form, catalog, options);
            var settings = RuleSettings.Parse(form.Single);
            var upload = UploadDecoder.Decode(form, folder, options);
            // The upload (a DICOM header holds the patient's name, id and birth date) is deleted as soon as it is decoded.
            RequestFolder.Delete(folder);
            var scored = new List<(ModelSlot, ScoredVolume)>();
            foreach (var slot in slots) scored.Add((slot, await slot.ScoreAsync(StoredDetection.PatientId, upload.Volume, cancel)));
            var (now, expires) = store.Lifetime();
            var stored = new StoredDetection(id, upload, scored, now, expires);
            store.Add(stored);
            var g = upload.Volume.Geometry;
            logs.CreateLogger("CovidCt.Server").LogInformation("Result {Id}: {Kind} of {Bytes} bytes, {Slices} slice(s) of {Width}x{Height}, model(s) {Models}",
                id, upload.Kind, form.Bytes, g.Depth, g.Width, g.Height, string.Join(",", slots.Select(s => s.Model.Name)));
            http.Response.Headers.Location = $"/v1/detections/{id}";
            return Results.Json(DetectionResponse.Of(stored, settings), OutputJson.Options, statusCode: StatusCodes.Status201Created);
        }
        catch (UploadRejectedException e)
        {
            return Problems.Of(e.Status, e.Title, e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.Of(413, "Upload too large", $"the upload is larger than {options.MaxVolumeBytes / (1024 * 1024.0):0.#} MB, the most this server accepts");
        }
        catch (BadHttpRequestException e)
        {
            return Problems.Of(400, "Malformed upload", $"the request body could not be read as multipart/form-data: {e.Message}");
        }
        catch (CovidCtInputException e)
        {
            // The model's output was unusable on this CT (NaN or infinite probabilities): the message names the slice.
            return Problems.Of(422, "The model could not score this CT", e.Message);
        }
        finally
        {
            RequestFolder.Delete(folder);
        }
    }

    private static List<ModelSlot> Models(UploadForm form, ModelCatalog catalog, ServeOptions options)
    {
        var names = form.Fields.TryGetValue("model", out var given) ? given.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList() : [];
        if (names.Count == 0) names.Add(catalog.DefaultName);
        if (names.Count > options.MaxModelsPerUpload)
        {
            throw new UploadRejectedException(400, "Too many models", $"{names.Count} models were asked for; at most {options.MaxModelsPerUpload} are compared on one upload");
        }
        return names.Select(n => catalog.Slot(n) ?? throw new UploadRejectedException(400, "Unknown model",
            $"no model '{n}'; this server offers {string.Join(", ", catalog.Models.Select(m => m.Name))} (GET /v1/models)")).ToList();
    }

    private static IResult Get(string id, HttpRequest request, DetectionStore store, ServeOptions options)
    {
        if (store.Get(id) is not { } stored) return Problems.UnknownResult(id, options);
        return WithSettings(request, settings => Results.Json(DetectionResponse.Of(stored, settings), OutputJson.Options));
    }

    private static IResult Figure(string id, int n, HttpRequest request, DetectionStore store, ServeOptions options)
    {
        if (store.Get(id) is not { } stored) return Problems.UnknownResult(id, options);
        return OnSlice(stored, n, request, (model, settings) =>
        {
            var slice = stored.Result(model, settings).Slices[n];
            var g = stored.Volume.Geometry;
            // The figure of covidct detect: same renderer, same options.
            var png = RedBoxRenderer.Render(stored.Volume.Slice(n), g.Width, g.Height, slice.Detection.Boxes, options: new RedBoxOptions { LabelProbabilities = true });
            return Results.File(png, "image/png");
        });
    }

    private static IResult Heat(string id, int n, HttpRequest request, DetectionStore store, ServeOptions options)
    {
        if (store.Get(id) is not { } stored) return Problems.UnknownResult(id, options);
        return OnSlice(stored, n, request, (model, _) => Results.File(HeatOverlay.Render(stored.Models[model].Scored.Maps[n]), "image/png"));
    }

    private static IResult OnSlice(StoredDetection stored, int n, HttpRequest request, Func<int, RuleSettings, IResult> answer)
    {
        var depth = stored.Volume.Geometry.Depth;
        if (n < 0 || n >= depth) return Problems.Of(404, "No such slice", $"slice index {n} is outside this CT's {depth} slice(s) (0 to {depth - 1})");
        var name = request.Query["model"].ToString();
        var model = name.Length == 0 ? 0 : IndexOf(stored, name);
        if (model < 0)
        {
            return Problems.Of(404, "Model not scored on this upload", $"'{name}' was not run on this upload; it was run with {string.Join(", ", stored.Models.Select(m => m.Slot.Model.Name))}");
        }
        return WithSettings(request, settings => answer(model, settings));
    }

    private static int IndexOf(StoredDetection stored, string name)
    {
        for (var i = 0; i < stored.Models.Count; i++) if (stored.Models[i].Slot.Model.Name == name) return i;
        return -1;
    }

    private static IResult WithSettings(HttpRequest request, Func<RuleSettings, IResult> answer)
    {
        try
        {
            return answer(RuleSettings.Parse(name => request.Query.TryGetValue(name, out var v) ? v.ToString() : null));
        }
        catch (UploadRejectedException e)
        {
            return Problems.Of(e.Status, e.Title, e.Message);
        }
    }
}
