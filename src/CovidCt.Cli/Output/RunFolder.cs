using System.Diagnostics;

namespace CovidCt.Cli.Output;

/// <summary>
/// Replaces a run's output folder as a whole: everything is written into a sibling staging folder, which is then swapped in
/// for the previous one, so a failed or killed run leaves the previous complete result as it was.
/// </summary>
/// <remarks>
/// The swap is two renames on one file system (previous aside, staging in); a kill between them leaves the previous result
/// under <c>.NAME.previous</c>, which the next run into NAME puts back before it starts. Staging folders of runs that are no
/// longer alive are deleted then too. A folder holding files CovidCt did not write is never replaced.
/// </remarks>
internal static class RunFolder
{
    /// <summary>Marks a folder a run wrote, so a later run may replace it.</summary>
    public const string Marker = ".covidct-run";

    // What runs wrote before the marker existed; a folder holding only these may be replaced too.
    private static readonly HashSet<string> KnownOutputs = new(StringComparer.Ordinal)
    {
        Marker, "metrics.json", "slices.csv", "patients.csv", "report.html", "figures", "comparison.json", "models.csv",
        "sweep.csv", "sweep.json", "pipeline.json", "detection.json",
    };

    /// <summary>Runs <paramref name="write"/> on a fresh staging folder, then makes it <paramref name="outFolder"/>.</summary>
    /// <exception cref="UsageException">When <paramref name="outFolder"/> is a file, or a folder holding files CovidCt did not write.</exception>
    public static T Replace<T>(string outFolder, Func<string, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outFolder));
        var parent = Path.GetDirectoryName(target) ?? throw new UsageException($"--out {outFolder} is the root folder; give a folder for the results");
        var name = Path.GetFileName(target);
        if (File.Exists(target)) throw new UsageException($"--out {outFolder} is a file; expected a folder for the results (new, or one an earlier run wrote)");
        Directory.CreateDirectory(parent);
        var previous = Path.Combine(parent, $".{name}.previous");
        Recover(target, previous, parent, name);
        RequireReplaceable(outFolder, target);
        var staging = Path.Combine(parent, $".{name}.{Environment.ProcessId}.partial");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        T result;
        try
        {
            File.WriteAllText(Path.Combine(staging, Marker), "Written by covidct; a later run into this folder replaces it as a whole.\n");
            result = write(staging);
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
        if (Directory.Exists(target)) Directory.Move(target, previous);
        Directory.Move(staging, target);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        return result;
    }

    // Puts back a previous result whose swap was killed half-way, and deletes staging folders of runs no longer alive.
    private static void Recover(string target, string previous, string parent, string name)
    {
        if (Directory.Exists(previous))
        {
            if (Directory.Exists(target)) Directory.Delete(previous, recursive: true);
            else Directory.Move(previous, target);
        }
        foreach (var staging in Directory.EnumerateDirectories(parent, $".{name}.*.partial"))
        {
            var pid = Path.GetFileName(staging)[(name.Length + 2)..^".partial".Length];
            if (int.TryParse(pid, out var id) && !IsAlive(id)) Directory.Delete(staging, recursive: true);
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // detect's figures: slice-NNN.png.
    private static bool IsDetectFigure(string name) => name.StartsWith("slice-", StringComparison.Ordinal) && name.EndsWith(".png", StringComparison.Ordinal);

    private static void RequireReplaceable(string outFolder, string target)
    {
        if (!Directory.Exists(target)) return;
        var entries = Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).ToList();
        if (entries.Contains(Marker)) return;
        var foreign = entries.Where(e => !KnownOutputs.Contains(e!) && !IsDetectFigure(e!)).Take(3).ToList();
        if (foreign.Count > 0)
        {
            throw new UsageException($"--out {outFolder} already holds files CovidCt did not write ({string.Join(", ", foreign)}); "
                + "a run replaces its output folder as a whole, so give a new folder or one an earlier run wrote");
        }
    }
}
