using System.Diagnostics;
using System.Security.Cryptography;
using CovidCt.Reporting.Files;

namespace CovidCt.Cli.Tests;

/// <summary>
/// A run's output folder is replaced as a whole: a failed run, or a real covidct process killed at any point, leaves the
/// previous complete result byte for byte as it was.
/// </summary>
public sealed class RunFolderTests : IDisposable
{
    private readonly TestModels _models = new();
    private readonly string _manifest;
    private readonly string _out;

    public RunFolderTests()
    {
        _manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort")).Path;
        _out = Path.Combine(_models.Folder, "out");
    }

    public void Dispose() => _models.Dispose();

    private string[] Evaluate(string cache) => ["evaluate", "--quiet", "--model", _models.Lesion(32), "--cohort", _manifest, "--out", _out, "--cache", cache];

    [Fact]
    public void A_run_failing_on_its_second_patient_leaves_the_previous_result_untouched()
    {
        Assert.Equal(0, CliRun.Of(Evaluate(Path.Combine(_models.Folder, "cache-1"))).ExitCode);
        var before = Snapshot(_out);
        Assert.Contains(before.Keys, k => k.StartsWith(ErrorFigures.FolderName + "/", StringComparison.Ordinal));
        // The header still reads (so the manifest validates), the voxels end early: evaluate fails half-way.
        var second = Path.Combine(_models.Folder, "cohort", "p2.nii.gz");
        var bytes = File.ReadAllBytes(second);
        File.WriteAllBytes(second, bytes[..(bytes.Length / 2)]);

        var run = CliRun.Of(Evaluate(Path.Combine(_models.Folder, "cache-2")));

        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("p2.nii.gz", run.Error);
        Assert.Equal(before, Snapshot(_out));
        Assert.Empty(Directory.GetDirectories(_models.Folder, ".out.*"));
    }

    [Fact]
    public void Killing_a_real_covidct_process_at_several_points_never_changes_the_previous_result()
    {
        Assert.Equal(0, Covidct(Evaluate(Path.Combine(_models.Folder, "cache-first")), kill: null));
        var before = Snapshot(_out);
        var killed = 0;
        foreach (var (delay, i) in new[] { 200, 500, 800, 1100, 1500, 2000, 2600, 3300 }.Select((d, i) => (d, i)))
        {
            // A cold cache each time, so every run does the whole work and a kill can land anywhere in it.
            var code = Covidct(Evaluate(Path.Combine(_models.Folder, $"cache-{i}")), TimeSpan.FromMilliseconds(delay));
            var after = Snapshot(_out);
            if (code == 0)
            {
                before = after;
                continue;
            }
            killed++;
            // A kill that lands after the run swapped its folder in (while the process is still shutting down) leaves
            // that run's complete result: the same files, the same tables, and metrics.json naming this run's cache.
            // Anything else must be the previous result byte for byte.
            if (IsCompleteResultOf(after, before, $"cache-{i}")) before = after;
            Assert.Equal(before, after);
        }
        Assert.True(killed >= 3, $"only {killed} runs were killed before they finished");
        // The next run removes the staging folders the killed runs left behind.
        Assert.Equal(0, Covidct(Evaluate(Path.Combine(_models.Folder, "cache-last")), kill: null));
        Assert.Empty(Directory.GetDirectories(_models.Folder, ".out.*"));
    }

    // True when the folder holds a whole result written with the named cache: every file of the previous result is there,
    // and only metrics.json and report.html (which name the cache folder) differ from it.
    private bool IsCompleteResultOf(Dictionary<string, string> after, Dictionary<string, string> before, string cache) =>
        after.Keys.Order().SequenceEqual(before.Keys.Order())
        && after.All(f => f.Key is "metrics.json" or "report.html" || before[f.Key] == f.Value)
        && File.ReadAllText(Path.Combine(_out, "metrics.json")).Contains(cache, StringComparison.Ordinal);

    // Runs the built covidct.dll with dotnet; kills it after the delay when it is still running. Returns its exit code, or -1 when killed.
    private static int Covidct(string[] args, TimeSpan? kill)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (kill is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return -1;
        }
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "covidct did not finish within 3 minutes");
        return process.ExitCode;
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
