using System.Globalization;
using CovidCt.Data.IO;
using CovidCt.Metrics;

namespace CovidCt.Cli.Commands;

/// <summary>
/// Reads a free-response (lesion-mark) file for <c>metrics jafroc</c>: columns id,lesion,score and optionally weight and
/// patient, one row per true lesion (lesion set; score empty when no mark hits it), per non-lesion mark (lesion empty,
/// score set) or per case without either (lesion and score empty, so a normal case with no mark still counts). Every
/// problem is an <see cref="InvalidInputException"/> naming file, line and column.
/// </summary>
internal static class JafrocFile
{
    public static IReadOnlyList<FreeResponseCase> Read(string path)
    {
        var table = CsvTable.Read(path);
        table.RequireColumns("id", "lesion", "score");
        var hasPatient = table.HasColumn("patient");
        var cases = new Dictionary<string, Builder>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = row.Text("id");
            var patient = hasPatient ? row.Text("patient") : id;
            if (!cases.TryGetValue(id, out var builder)) cases.Add(id, builder = new Builder(patient, row.Line));
            else if (!string.Equals(builder.Patient, patient, StringComparison.Ordinal))
            {
                throw row.Error("patient", $"'{patient}' differs from '{builder.Patient}' given for case '{id}' on line {builder.FirstLine}; a case belongs to one patient");
            }
            var lesion = row.Optional("lesion")!;
            var score = OptionalNumber(row, "score");
            var weight = OptionalNumber(row, "weight");
            if (lesion.Length == 0)
            {
                if (weight is not null) throw row.Error("weight", "is set on a row without a lesion; weights belong to lesions");
                if (score is { } mark) builder.Marks.Add(mark);
                continue;
            }
            if (!builder.LesionLines.TryAdd(lesion, row.Line))
            {
                throw row.Error("lesion", $"'{lesion}' of case '{id}' repeats line {builder.LesionLines[lesion]}; give each lesion one row with the highest score of the marks that hit it");
            }
            builder.Lesions.Add(new FreeResponseLesion(score, weight));
        }
        if (cases.Count == 0) throw new InvalidInputException(path, "has no rows; expected one row per lesion, non-lesion mark or unmarked case");
        return [.. cases.Select(p => new FreeResponseCase(p.Key, p.Value.Patient, p.Value.Lesions, p.Value.Marks))];
    }

    private static double? OptionalNumber(CsvRow row, string column)
    {
        var text = row.Optional(column);
        if (string.IsNullOrEmpty(text)) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw row.Error(column, $"'{text}' is not a finite number");
        }
        return value;
    }

    private sealed class Builder(string patient, int firstLine)
    {
        public string Patient { get; } = patient;

        public int FirstLine { get; } = firstLine;

        public List<FreeResponseLesion> Lesions { get; } = [];

        public List<double> Marks { get; } = [];

        public Dictionary<string, int> LesionLines { get; } = new(StringComparer.Ordinal);
    }
}
