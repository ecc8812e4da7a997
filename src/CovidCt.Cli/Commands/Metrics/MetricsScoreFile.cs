using CovidCt.Data.IO;

namespace CovidCt.Cli.Commands;

/// <summary>One row of a score file: case id, 0/1 label, one or more scores, optional patient id.</summary>
internal sealed record ScoredCase(string Id, bool Diseased, double[] Scores, string? Patient);

/// <summary>
/// Reads score files (columns id,label,score… and optionally patient). Every problem is an
/// <see cref="InvalidInputException"/> naming file, line and column: missing column, non-numeric score,
/// label other than 0/1, duplicate id, empty patient, empty file.
/// </summary>
internal static class MetricsScoreFile
{
    public static IReadOnlyList<ScoredCase> Read(string path, params string[] scoreColumns)
    {
        var table = CsvTable.Read(path);
        table.RequireColumns(["id", "label", .. scoreColumns]);
        var hasPatient = table.HasColumn("patient");
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var cases = new List<ScoredCase>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var id = row.Text("id");
            if (!firstLineOfId.TryAdd(id, row.Line)) throw row.Error("id", $"'{id}' is a duplicate of line {firstLineOfId[id]}; ids must be unique");
            var label = row.Binary("label");
            var scores = scoreColumns.Select(row.Number).ToArray();
            cases.Add(new ScoredCase(id, label, scores, hasPatient ? row.Text("patient") : null));
        }
        return cases;
    }
}
