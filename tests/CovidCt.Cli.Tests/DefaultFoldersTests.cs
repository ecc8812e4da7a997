using System.Diagnostics;
using CovidCt.Pipelines.Caching;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #14, Why, "Defaults": the default cache and output folders were inside the repository, so maps and figures of a
/// researcher's private data ended up in the checkout. Now, run from any folder with no options, covidct caches in the
/// user's cache folder, writes under the current folder, and says both first.
/// </summary>
public sealed class DefaultFoldersTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Evaluate_caches_in_the_user_cache_writes_under_the_current_folder_and_prints_both_first()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort")).Path;
        var work = Directory.CreateDirectory(Path.Combine(_models.Folder, "work")).FullName;
        var xdg = Path.Combine(_models.Folder, "xdg");

        var (code, output, error) = Covidct(work, xdg, "evaluate", "--model", _models.Lesion(32), "--cohort", manifest);

        Assert.True(code == 0, error);
        var cache = Path.Combine(xdg, "covidct", "probability-maps");
        var outFolder = Path.Combine(work, "out", "evaluate");
        Assert.Equal([$"Cache: {cache}", $"Output: {outFolder}"], output.Split('\n').Take(2).Select(l => l.TrimEnd('\r')));
        Assert.True(File.Exists(Path.Combine(outFolder, "metrics.json")), $"nothing written under the current folder {work}");
        Assert.NotEmpty(Directory.EnumerateDirectories(cache));
        // Nothing else was written beside the output and the cohort: not next to the tool, not into a repository.
        Assert.Equal(["out"], Directory.GetFileSystemEntries(work).Select(Path.GetFileName));
    }

    // The built covidct.dll as a separate process, so its current folder and environment are its own.
    private static (int Code, string Output, string Error) Covidct(string workingFolder, string xdgCacheHome, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment[UserCacheFolder.Variable] = xdgCacheHome;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "covidct did not finish within 3 minutes");
        return (process.ExitCode, output, error.Result);
    }
}
