using System.Net;

namespace CovidCt.Server.Security;

/// <summary>Where the server may listen: loopback freely; any other address only when asked for with --urls and guarded by a token.</summary>
internal static class Binding
{
    /// <summary>The sentence refusing <paramref name="options"/>' addresses, or null when they are allowed.</summary>
    public static string? Problem(ServeOptions options)
    {
        foreach (var url in options.Urls)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https"))
            {
                return $"--urls: '{url}' is not an http:// or https:// address with a host and port, e.g. {ServeOptions.DefaultUrl}";
            }
            if (IsLoopback(uri.Host)) continue;
            if (!options.UrlsGiven) return $"'{url}' is not a loopback address; listening beyond this machine needs an explicit --urls";
            if (string.IsNullOrEmpty(options.Token))
            {
                return $"--urls {url} listens beyond this machine, so it needs an access token: pass --token TOKEN or set {ServeOptions.TokenVariable} (clients then send 'Authorization: Bearer TOKEN')";
            }
        }
        return null;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
