using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace CovidCt.Reporting.Html;

/// <summary>
/// plotly.js as shipped inside Plotly.NET (manifest resource <c>Plotly.NET.plotly-2.28.0.min.js</c>), so a report embeds it
/// and opens offline instead of fetching it from a CDN.
/// </summary>
/// <remarks>
/// The resource is read from Plotly.NET.dll beside this assembly without loading it: inside a notebook kernel, loading an
/// assembly by name from library code puts a second copy in another load context, and types that cross the two then fail
/// to load. Only when the file is not there (a single-file publish) is the assembly loaded.
/// </remarks>
internal static class PlotlyScript
{
    public const string ResourceName = "Plotly.NET.plotly-2.28.0.min.js";

    private const string AssemblyName = "Plotly.NET";

    private static readonly Lazy<string> Text = new(Load);

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => Text.Value;

    private static string Load()
    {
        var folder = Path.GetDirectoryName(typeof(PlotlyScript).Assembly.Location);
        var beside = string.IsNullOrEmpty(folder) ? null : Path.Combine(folder, AssemblyName + ".dll");
        if (beside is not null && File.Exists(beside)) return FromFile(beside);
        var assembly = Assembly.Load(new AssemblyName(AssemblyName));
        using var stream = assembly.GetManifestResourceStream(ResourceName) ?? throw Missing(assembly.FullName ?? AssemblyName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string FromFile(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!metadata.StringComparer.Equals(resource.Name, ResourceName) || !resource.Implementation.IsNil) continue;
            // An embedded resource is a 4-byte length, then the bytes, at its offset in the CLI header's resources block.
            var block = pe.GetSectionData(pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress);
            var reader = block.GetReader((int)resource.Offset, block.Length - (int)resource.Offset);
            var length = reader.ReadInt32();
            return Encoding.UTF8.GetString(reader.ReadBytes(length));
        }
        throw Missing(path);
    }

    private static InvalidOperationException Missing(string source) =>
        new($"{source} does not embed {ResourceName}; the Plotly.NET version in Directory.Packages.props changed the resource name");
}
