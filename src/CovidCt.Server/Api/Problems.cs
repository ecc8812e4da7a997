using Microsoft.AspNetCore.Http;

namespace CovidCt.Server.Api;

/// <summary>RFC 9457 problem responses: a status, a short title and a sentence a person can act on; never a stack trace.</summary>
internal static class Problems
{
    /// <summary>A problem response.</summary>
    public static IResult Of(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>The 404 of a result id that does not exist or has expired.</summary>
    public static IResult UnknownResult(string id, ServeOptions options) =>
        Of(404, "No such result", $"no result '{id}': results are kept for {options.Expiry.TotalMinutes:0.#} minutes after their upload; upload the CT again");
}
