using System.Text.RegularExpressions;

namespace CovidCt.Cluster.Tests.Processes;

/// <summary>
/// The single-process <c>covidct evaluate</c> of the default cohort that every clustered run must reproduce. Every run here
/// uses the same cache folder, emptied before each, since metrics.json records the folder and how many patients came from it.
/// </summary>
public sealed partial class ClusterFixture : IDisposable
{
    public static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(15);

    private readonly TempFolder _work = new();

    public ClusterFixture()
    {
        using var single = CovidctProcess.Start(["evaluate", .. Options(Reference)]);
        var code = single.WaitForExit(RunLimit);
        if (code != 0) throw new InvalidOperationException($"the single-process evaluate failed ({code}): {single.Output}");
    }

    /// <summary>The single-process result.</summary>
    public string Reference => _work.File("reference");

    public string Cache => _work.File("cache");

    public string Out(string name) => _work.File(name);

    /// <summary>evaluate's options for a run into <paramref name="outFolder"/> through the shared cache, emptied first.</summary>
    public string[] Options(string outFolder)
    {
        if (Directory.Exists(Cache)) Directory.Delete(Cache, recursive: true);
        return ["--out", outFolder, "--cache", Cache];
    }

    /// <summary>
    /// Asserts <paramref name="candidate"/> holds the reference's files: CSV rows identical after sorting, every other file
    /// byte for byte. <paramref name="resumed"/>: a resumed run found some maps in the cache, which metrics.json and report.html
    /// say; that count is the only difference allowed, and report.html is then left out. <paramref name="budget"/>: the run had
    /// another --memory-budget, which metrics.json records with the run's warnings (report.html shows both): the only differences then allowed.
    /// </summary>
    public void AssertSameResult(string candidate, bool resumed = false, bool budget = false)
    {
        var files = Files(Reference);
        Assert.Equal(files, Files(candidate));
        Assert.Contains(files, f => f.StartsWith("parquet/slices/", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var (a, b) = (Path.Combine(Reference, file), Path.Combine(candidate, file));
            if (file.EndsWith(".csv", StringComparison.Ordinal))
            {
                Assert.Equal(SortedLines(a), SortedLines(b));
            }
            else if (resumed && file == "metrics.json")
            {
                Assert.Equal(WithoutCacheCount(File.ReadAllText(a)), WithoutCacheCount(File.ReadAllText(b)));
            }
            else if (budget && file == "metrics.json")
            {
                Assert.Equal(WithoutBudget(a), WithoutBudget(b));
            }
            else if (!((resumed || budget) && file == "report.html"))
            {
                Assert.True(File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b)), $"{file} differs from the single-process run's");
            }
        }
    }

    public void Dispose() => _work.Dispose();

    private static string[] Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static string[] SortedLines(string path) => [.. File.ReadAllLines(path).Order(StringComparer.Ordinal)];

    private static string WithoutBudget(string path)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json.Remove("warnings");
        return MemoryBudget().Replace(json.ToJsonString(), "\"memory_budget_bytes\":N");
    }

    private static string WithoutCacheCount(string json) => CacheCount().Replace(json, "\"patients_from_cache\": N");

    [GeneratedRegex("\"memory_budget_bytes\":[0-9]+")]
    private static partial Regex MemoryBudget();

    [GeneratedRegex("\"patients_from_cache\": [0-9]+")]
    private static partial Regex CacheCount();
}
