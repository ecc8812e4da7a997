using System.Runtime.CompilerServices;

namespace CovidCt.Interactive.Hosting;

/// <summary>
/// Registers the formatters and the FSharp.Core redirect when the library is first used, so a notebook needs no
/// <see cref="CovidCtNotebook.Initialize"/> call: the runtime runs a module initializer before any of this assembly's code.
/// </summary>
internal static class AutoInitialize
{
    // CA2255 warns that libraries should not have module initializers; this library exists to set up a notebook kernel,
    // and doing so on first use is the point.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Run() => CovidCtNotebook.Initialize();
}
