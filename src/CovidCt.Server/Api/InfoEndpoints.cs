using CovidCt.Reporting.Files;
using CovidCt.Server.Detection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CovidCt.Server.Api;

/// <summary><c>GET /v1/models</c> (the models offered) and <c>GET /health</c> (liveness).</summary>
internal static class InfoEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/models", (ModelCatalog catalog) => Results.Json(catalog.Models.Select(ModelDocument.Of).ToArray(), OutputJson.Options))
            .WithSummary("The models this server offers (every .onnx in its models folder)");
        endpoints.MapGet("/health", (DetectionStore store) => Results.Json(new HealthDocument("ok", store.Count), OutputJson.Options))
            .WithSummary("Liveness: answers while the server runs");
    }
}

/// <summary>The health answer.</summary>
/// <param name="Status">Always "ok" when it answers.</param>
/// <param name="Results">Results held in memory now.</param>
internal sealed record HealthDocument(string Status, int Results);
