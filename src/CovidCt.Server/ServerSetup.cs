using CovidCt.Server.Api;
using CovidCt.Server.Detection;
using CovidCt.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CovidCt.Server;

/// <summary>
/// The web service, in two halves usable by any host: its services (<see cref="AddServices"/>) and its request pipeline
/// (<see cref="Configure"/>). <c>covidct serve</c> runs them on Kestrel (<see cref="Build"/>); the tests on a test server.
/// </summary>
internal static class ServerSetup
{
    /// <summary>Registers the models, the result store, OpenAPI, problem details and the per-client limits.</summary>
    public static void AddServices(IServiceCollection services, ServeOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton<DetectionStore>();
        services.AddHostedService<ExpirySweeper>();
        services.AddRouting();
        services.AddProblemDetails();
        services.AddOpenApi();
        ClientLimits.Add(services, options);
    }

    /// <summary>Errors as problems, the token check, the limits, then the page, the API and its OpenAPI document.</summary>
    public static void Configure(IApplicationBuilder app)
    {
        app.UseExceptionHandler(failed => failed.Run(async context =>
        {
            // A defect in CovidCt, not the caller's doing: logged here with its type; the answer says so without a stack trace.
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            if (error is not null) context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CovidCt.Server").LogError(error, "Internal error");
            await Results.Problem(statusCode: 500, title: "Internal error",
                detail: $"the server failed ({error?.GetType().Name ?? "unknown"}); this is a defect in CovidCt, please report it with what was uploaded").ExecuteAsync(context);
        }));
        app.UseStatusCodePages();
        app.UseMiddleware<AccessToken>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseEndpoints(endpoints =>
        {
            PageEndpoints.Map(endpoints);
            InfoEndpoints.Map(endpoints);
            DetectionEndpoints.Map(endpoints);
            endpoints.MapOpenApi("/openapi");
        });
    }

    /// <summary>The server on Kestrel at <see cref="ServeOptions.Urls"/>; the models are opened before it answers.</summary>
    /// <exception cref="InvalidOperationException">When the addresses are not allowed (<see cref="Binding"/>) or the models cannot be read.</exception>
    public static WebApplication Build(ServeOptions options)
    {
        if (Binding.Problem(options) is { } problem) throw new InvalidOperationException(problem);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        AddServices(builder.Services, options);
        var app = builder.Build();
        Configure(app);
        // Listing (and hashing) the models now makes a broken models folder an error at start, not on the first upload.
        app.Services.GetRequiredService<ModelCatalog>();
        return app;
    }
}
