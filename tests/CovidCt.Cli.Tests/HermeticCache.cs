using System.Runtime.CompilerServices;
using CovidCt.Pipelines.Caching;

namespace CovidCt.Cli.Tests;

/// <summary>Points the user cache of every command run by these tests at a temporary folder, so no test writes into the real ~/.cache.</summary>
internal static class HermeticCache
{
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), $"covidct-tests-cache-{Environment.ProcessId}");

    [ModuleInitializer]
    internal static void Redirect()
    {
        Environment.SetEnvironmentVariable(UserCacheFolder.Variable, Folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        };
    }
}
