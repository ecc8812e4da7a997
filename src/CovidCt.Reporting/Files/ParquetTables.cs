using CovidCt.Data.IO;
using CovidCt.Pipelines.Evaluation;
using Parquet.Serialization;

namespace CovidCt.Reporting.Files;

/// <summary>
/// The evaluation's rows as Parquet, beside the CSVs: <c>parquet/slices/PART.parquet</c> (one row per slice: truth, decision,
/// scores and its boxes as a list) and <c>parquet/patients/PART.parquet</c> (one row per patient), one part per patient named
/// after it (<see cref="PartName"/>). Parts depend on nothing but their patient, so cluster workers write them without
/// coordination, a patient run twice writes the same bytes, and the tables are the concatenation of their parts
/// (<c>read_parquet('parquet/slices/*.parquet')</c>). Columns are listed in docs/cli.md.
/// </summary>
public static class ParquetTables
{
    /// <summary>The folder of the per-slice parts, under a <c>parquet</c> folder.</summary>
    public const string SlicesFolder = "slices";

    /// <summary>The folder of the per-patient parts, under a <c>parquet</c> folder.</summary>
    public const string PatientsFolder = "patients";

    /// <summary>Writes every patient's parts under <paramref name="parquetFolder"/>.</summary>
    public static void Write(string parquetFolder, IEnumerable<PatientOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (var outcome in outcomes) WritePatient(parquetFolder, outcome);
    }

    /// <summary>Writes (or rewrites, identically) one patient's two parts under <paramref name="parquetFolder"/>, each atomically.</summary>
    public static void WritePatient(string parquetFolder, PatientOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(parquetFolder);
        ArgumentNullException.ThrowIfNull(outcome);
        var name = PartName(outcome.Result.PatientId) + ".parquet";
        Write(Path.Combine(parquetFolder, SlicesFolder, name), ParquetRows.Slices(outcome));
        Write(Path.Combine(parquetFolder, PatientsFolder, name), [ParquetRows.Patient(outcome)]);
    }

    /// <summary>
    /// A file name for a patient's part: the identifier itself when it is letters, digits, '-', '_', '.' or '~' (as most are),
    /// else percent-escaped, so two patients never share a part and no identifier leaves the folder.
    /// </summary>
    public static string PartName(string patientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        var escaped = Uri.EscapeDataString(patientId);
        // "." and ".." (and hidden names) stay inside the folder and visible.
        return escaped.StartsWith('.') ? "%2E" + escaped[1..] : escaped;
    }

    private static void Write<T>(string path, IReadOnlyList<T> rows) =>
        AtomicFile.Write(path, stream => ParquetSerializer.SerializeAsync(rows, stream).GetAwaiter().GetResult());
}
