using CovidCt.Interactive.Formatting;
using CovidCt.Interactive.Hosting;

namespace CovidCt.Interactive;

/// <summary>The one call a notebook's first cell makes after referencing the libraries.</summary>
public static class CovidCtNotebook
{
    /// <summary>
    /// Installs the FSharp.Core redirect (before any Plotly.NET type is touched) and registers the HTML formatters.
    /// Safe to call more than once.
    /// </summary>
    public static void Initialize()
    {
        FSharpCoreRedirect.Install();
        CovidCtFormatters.Register();
    }
}
