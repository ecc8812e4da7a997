using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CovidCt.Server.Security;

/// <summary>
/// The access token: when the server has one, every request to the API (/v1, /openapi) must carry
/// <c>Authorization: Bearer TOKEN</c>, else 401. The page itself (/, /page/*) holds no data and asks for the token.
/// </summary>
internal sealed class AccessToken(RequestDelegate next, ServeOptions options)
{
    private readonly byte[]? _token = options.Token is { Length: > 0 } t ? Encoding.UTF8.GetBytes(t) : null;

    /// <summary>Passes the request on, or answers 401.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (_token is null || !Guarded(context.Request.Path) || Carries(context.Request))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: 401, title: "Access token required",
            detail: "this server needs its access token: send 'Authorization: Bearer TOKEN' (the token given to covidct serve with --token or COVIDCT_SERVE_TOKEN)")
            .ExecuteAsync(context);
    }

    private static bool Guarded(PathString path) => path.StartsWithSegments("/v1") || path.StartsWithSegments("/openapi");

    // Compared in constant time, so the answer's timing does not reveal how much of a guess was right.
    private bool Carries(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), _token);
    }
}
