using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CovidCt.Server.Api;

/// <summary>
/// The page (<c>/</c>) with its script and style (<c>/page/app.js</c>, <c>/page/app.css</c>), served from the assembly: it works
/// with no internet connection, and a strict Content-Security-Policy keeps it from loading anything from elsewhere.
/// </summary>
internal static class PageEndpoints
{
    private const string Policy = "default-src 'self'; img-src 'self' blob: data:; script-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    /// <summary>Maps the page's three files.</summary>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        Serve(endpoints, "/", "index.html", "text/html; charset=utf-8");
        Serve(endpoints, "/page/app.js", "app.js", "text/javascript; charset=utf-8");
        Serve(endpoints, "/page/app.css", "app.css", "text/css; charset=utf-8");
    }

    private static void Serve(IEndpointRouteBuilder endpoints, string path, string file, string type)
    {
        var bytes = Read(file);
        endpoints.MapGet(path, (HttpResponse response) =>
        {
            response.Headers.ContentSecurityPolicy = Policy;
            response.Headers.XContentTypeOptions = "nosniff";
            return Results.Bytes(bytes, type);
        }).ExcludeFromDescription();
    }

    private static byte[] Read(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"CovidCt.Server.Page.{file}")
            ?? throw new InvalidOperationException($"the page file {file} is not embedded in CovidCt.Server");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
