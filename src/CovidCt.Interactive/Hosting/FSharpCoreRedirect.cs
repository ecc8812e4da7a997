using System.Reflection;

namespace CovidCt.Interactive.Hosting;

/// <summary>
/// Lets Plotly.NET 6 (built against FSharp.Core 10.1) load inside a notebook kernel that ships FSharp.Core 10.0.
/// The kernel has already loaded its FSharp.Core, and a second copy of the same assembly name cannot be loaded
/// into the default context, so a request for any FSharp.Core version is answered with the loaded one.
/// Plotly.NET uses no FSharp.Core API newer than 10.0 on the paths the notebooks call.
/// </summary>
public static class FSharpCoreRedirect
{
    private const string FSharpCore = "FSharp.Core";
    private static int _installed;

    /// <summary>
    /// Registers the <see cref="AppDomain.AssemblyResolve"/> handler once per process; later calls do nothing.
    /// Call it before the first cell that touches a Plotly.NET type.
    /// </summary>
    /// <returns>True when this call installed the handler, false when it was already installed.</returns>
    public static bool Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return false;
        AppDomain.CurrentDomain.AssemblyResolve += (_, args) =>
            Resolve(new AssemblyName(args.Name), AppDomain.CurrentDomain.GetAssemblies());
        return true;
    }

    /// <summary>
    /// The assembly to hand out for <paramref name="requested"/>: the already-loaded FSharp.Core whatever version was
    /// asked for; null for any other assembly or when no FSharp.Core is loaded (the runtime then reports its usual error).
    /// </summary>
    public static Assembly? Resolve(AssemblyName requested, IEnumerable<Assembly> loaded) =>
        string.Equals(requested.Name, FSharpCore, StringComparison.Ordinal)
            ? loaded.FirstOrDefault(a => string.Equals(a.GetName().Name, FSharpCore, StringComparison.Ordinal))
            : null;
}
