using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CovidCt.Data.IO;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Files;

namespace CovidCt.Cluster;

/// <summary>
/// A clustered run's shared folder: pipeline.json, one result file per finished patient (results/), one per finished chunk of
/// a split series (chunks/), and the Parquet parts (parquet/). Every file is written whole or not at all and named by its patient, so a patient run twice (a worker lost
/// after writing, a coordinator restarted) writes the same file again: idempotent, and what a restarted coordinator resumes from.
/// </summary>
internal sealed partial class ClusterRunFolder(string path)
{
    /// <summary>The folder.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The pipeline definition every worker loads.</summary>
    public string PipelinePath => System.IO.Path.Combine(Path, "pipeline.json");

    /// <summary>What identifies the run the folder belongs to.</summary>
    public string KeyPath => System.IO.Path.Combine(Path, "run-key.txt");

    /// <summary>One JSON file per finished patient.</summary>
    public string ResultsFolder => System.IO.Path.Combine(Path, "results");

    /// <summary>One folder per split patient, one JSON file per finished chunk.</summary>
    public string ChunksFolder => System.IO.Path.Combine(Path, "chunks");

    /// <summary>The Parquet tables, one part per patient and table.</summary>
    public string ParquetFolder => System.IO.Path.Combine(Path, "parquet");

    /// <summary>The result file of <paramref name="patientId"/>.</summary>
    public string ResultPath(string patientId) => System.IO.Path.Combine(ResultsFolder, ParquetTables.PartName(patientId) + ".json");

    /// <summary>Writes a patient's Parquet parts, then its result file, each atomically: a result file means the patient is done.</summary>
    public void Write(PatientOutcome outcome, string json)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ParquetTables.WritePatient(ParquetFolder, outcome);
        AtomicFile.WriteAllText(ResultPath(outcome.Result.PatientId), json);
    }

    /// <summary>The result file of the chunk of <paramref name="patientId"/>'s <paramref name="sliceCount"/> slices that starts at <paramref name="firstSlice"/>.</summary>
    public string ChunkPath(string patientId, int firstSlice, int sliceCount) =>
        System.IO.Path.Combine(ChunksFolder, ParquetTables.PartName(patientId), string.Create(CultureInfo.InvariantCulture, $"{firstSlice}-of-{sliceCount}.json"));

    /// <summary>Writes a chunk's outcome atomically (the coordinator joins the chunks and writes the patient's result and parts).</summary>
    public void WriteChunk(string patientId, int firstSlice, int sliceCount, string json)
    {
        var path = ChunkPath(patientId, firstSlice, sliceCount);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, json);
    }

    /// <summary>Every finished chunk: its patient, first slice, the patient's slice count and the chunk's outcome.</summary>
    public IEnumerable<(string PatientId, int FirstSlice, int SliceCount, PatientOutcome Outcome)> FinishedChunks()
    {
        if (!Directory.Exists(ChunksFolder)) yield break;
        foreach (var file in Directory.EnumerateFiles(ChunksFolder, "*.json", SearchOption.AllDirectories))
        {
            // An unfinished atomic write has another name, so it never matches.
            if (ChunkName().Match(System.IO.Path.GetFileName(file)) is not { Success: true } name) continue;
            var outcome = OutcomeJson.Read(File.ReadAllText(file, Encoding.UTF8), file);
            yield return (outcome.Result.PatientId, int.Parse(name.Groups["first"].Value, CultureInfo.InvariantCulture),
                int.Parse(name.Groups["count"].Value, CultureInfo.InvariantCulture), outcome);
        }
    }

    [GeneratedRegex("^(?<first>[0-9]{1,9})-of-(?<count>[0-9]{1,9})\\.json$")]
    private static partial Regex ChunkName();

    /// <summary>
    /// Makes the folder this run's: kept when it holds the same run (same <paramref name="key"/>), emptied when it holds another.
    /// Returns true when it was kept.
    /// </summary>
    public bool Claim(string key, string pipelineJson)
    {
        var same = File.Exists(KeyPath) && File.ReadAllText(KeyPath, Encoding.UTF8) == key;
        if (!same && Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        Directory.CreateDirectory(ResultsFolder);
        AtomicFile.WriteAllText(PipelinePath, pipelineJson);
        AtomicFile.WriteAllText(KeyPath, key);
        return same;
    }

    /// <summary>The finished patients' outcomes, by patient; files left by a killed writer are never complete, so never read.</summary>
    public Dictionary<string, PatientOutcome> Finished()
    {
        var finished = new Dictionary<string, PatientOutcome>(StringComparer.Ordinal);
        if (!Directory.Exists(ResultsFolder)) return finished;
        foreach (var file in Directory.EnumerateFiles(ResultsFolder, "*.json"))
        {
            var outcome = OutcomeJson.Read(File.ReadAllText(file, Encoding.UTF8), file);
            finished[outcome.Result.PatientId] = outcome;
        }
        return finished;
    }
}
