using System.Reflection;
using CovidCt.Interactive.Hosting;

namespace CovidCt.Interactive.Tests.Hosting;

public sealed class FSharpCoreRedirectTests
{
    // FsCheck is written in F#, so this test process carries an FSharp.Core, as the notebook kernel does.
    private static readonly Assembly LoadedFSharpCore = typeof(Microsoft.FSharp.Core.FSharpOption<int>).Assembly;

    [Fact]
    public void A_newer_FSharp_Core_request_gets_the_loaded_one()
    {
        var requested = new AssemblyName("FSharp.Core, Version=10.1.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a");
        Assert.Same(LoadedFSharpCore, FSharpCoreRedirect.Resolve(requested, [typeof(object).Assembly, LoadedFSharpCore]));
    }

    [Fact]
    public void Other_assemblies_are_left_to_the_runtime()
    {
        Assert.Null(FSharpCoreRedirect.Resolve(new AssemblyName("Plotly.NET, Version=6.0.0.0"), [LoadedFSharpCore]));
    }

    [Fact]
    public void Without_a_loaded_FSharp_Core_nothing_is_returned()
    {
        Assert.Null(FSharpCoreRedirect.Resolve(new AssemblyName("FSharp.Core, Version=10.1.0.0"), [typeof(object).Assembly]));
    }

    [Fact]
    public void Once_installed_the_runtime_loads_an_unavailable_version_as_the_loaded_one()
    {
        FSharpCoreRedirect.Install();
        Assert.False(FSharpCoreRedirect.Install());
        var future = Assembly.Load(new AssemblyName("FSharp.Core, Version=99.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"));
        Assert.Same(LoadedFSharpCore, future);
    }
}
