using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace CovidCt.Server.Security;

/// <summary>
/// Per-client limits (ASP.NET Core rate limiting, one partition per remote address): uploads run at most
/// <see cref="ServeOptions.ConcurrentUploadsPerClient"/> at once with a short bounded queue, reads (figures, re-runs) at most
/// <see cref="ServeOptions.ReadsPerClientPerSecond"/> a second. Beyond them: 429 with Retry-After, so a flood is turned away
/// rather than queued without end.
/// </summary>
internal static class ClientLimits
{
    /// <summary>The policy of the upload endpoint.</summary>
    public const string Uploads = "uploads";

    /// <summary>The policy of the reading endpoints.</summary>
    public const string Reads = "reads";

    /// <summary>Adds both policies.</summary>
    public static void Add(IServiceCollection services, ServeOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Uploads, context => RateLimitPartition.GetConcurrencyLimiter(Client(context), _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = options.ConcurrentUploadsPerClient,
                QueueLimit = options.QueuedUploadsPerClient,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
            limiter.AddPolicy(Reads, context => RateLimitPartition.GetFixedWindowLimiter(Client(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.ReadsPerClientPerSecond,
                Window = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }));
            limiter.OnRejected = async (rejected, cancel) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : options.RetryAfterSeconds;
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: 429, title: "Too many requests",
                    detail: $"this client has too many requests in progress; retry after {seconds} second(s)").ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";
}
