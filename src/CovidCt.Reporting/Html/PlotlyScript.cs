using System.Reflection;

namespace CovidCt.Reporting.Html;

/// <summary>
/// plotly.js as shipped inside Plotly.NET (manifest resource <c>Plotly.NET.plotly-2.28.0.min.js</c>), so a report embeds it
/// and opens offline instead of fetching it from a CDN.
/// </summary>
internal static class PlotlyScript
{
    public const string ResourceName = "Plotly.NET.plotly-2.28.0.min.js";

    private static readonly Lazy<string> Text = new(Load);

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => Text.Value;

    private static string Load()
    {
        var assembly = Assembly.Load(new AssemblyName("Plotly.NET"));
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{assembly.FullName} does not embed {ResourceName}; the Plotly.NET version in Directory.Packages.props changed the resource name");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
