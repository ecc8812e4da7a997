using CovidCt.Data.IO;

namespace CovidCt.Reporting.Readers;

/// <summary>
/// Reads a reader-study CSV (docs/metrics.md, "Reader studies"): one row per reading, columns <c>reader</c>, <c>case</c>,
/// <c>modality</c>, <c>truth</c> (0/1), <c>score</c> (a number, higher = more likely diseased; a 1–5 rating is a score),
/// and optionally <c>decision</c> (0/1) and <c>reading_time</c> (positive, any one unit). Every problem is an
/// <see cref="InvalidInputException"/> naming the file, and the line and column where there is one.
/// </summary>
public static class ReaderStudyFile
{
    private sealed record Reading(int Line, bool? Decision, double Score, double? Time);

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">A column is missing or malformed, a reading is repeated, a case's truth differs
    /// between rows, or a reader did not read a case in a modality.</exception>
    public static ReaderStudy Read(string path)
    {
        var table = CsvTable.Read(path);
        table.RequireColumns("reader", "case", "modality", "truth", "score");
        var hasDecision = table.HasColumn("decision");
        var hasTime = table.HasColumn("reading_time");
        List<string> readers = [], cases = [], modalities = [];
        var truth = new Dictionary<string, (bool Value, int Line)>(StringComparer.Ordinal);
        var readings = new Dictionary<(string Modality, string Reader, string Case), Reading>();
        foreach (var row in table.Rows)
        {
            var (reader, @case, modality) = (row.Text("reader"), row.Text("case"), row.Text("modality"));
            var diseased = row.Binary("truth");
            if (truth.TryGetValue(@case, out var known))
            {
                if (known.Value != diseased) throw row.Error("truth", $"of case '{@case}' is {(diseased ? 1 : 0)} here but {(known.Value ? 1 : 0)} on line {known.Line}; a case has one truth");
            }
            else
            {
                truth[@case] = (diseased, row.Line);
                cases.Add(@case);
            }
            if (!readers.Contains(reader, StringComparer.Ordinal)) readers.Add(reader);
            if (!modalities.Contains(modality, StringComparer.Ordinal)) modalities.Add(modality);
            var time = hasTime ? row.Number("reading_time") : (double?)null;
            if (time is <= 0) throw row.Error("reading_time", $"'{row.Text("reading_time")}' is not a positive time");
            var reading = new Reading(row.Line, hasDecision ? row.Binary("decision") : null, row.Number("score"), time);
            if (!readings.TryAdd((modality, reader, @case), reading))
            {
                throw row.Error("case", $"'{@case}' was already read by reader '{reader}' in modality '{modality}' on line {readings[(modality, reader, @case)].Line}; one reading per reader, case and modality");
            }
        }
        var scores = new IReadOnlyList<double>[modalities.Count, readers.Count];
        var decisions = hasDecision ? new IReadOnlyList<bool>[modalities.Count, readers.Count] : null;
        var times = hasTime ? new IReadOnlyList<double>[modalities.Count, readers.Count] : null;
        for (var i = 0; i < modalities.Count; i++)
        {
            for (var j = 0; j < readers.Count; j++)
            {
                var row = new Reading[cases.Count];
                for (var k = 0; k < cases.Count; k++)
                {
                    if (!readings.TryGetValue((modalities[i], readers[j], cases[k]), out var reading))
                    {
                        throw new InvalidInputException(path,
                            $"reader '{readers[j]}' has no reading of case '{cases[k]}' in modality '{modalities[i]}'; every reader must read every case in every modality (a fully crossed design)");
                    }
                    row[k] = reading;
                }
                scores[i, j] = row.Select(r => r.Score).ToArray();
                if (decisions is not null) decisions[i, j] = row.Select(r => r.Decision!.Value).ToArray();
                if (times is not null) times[i, j] = row.Select(r => r.Time!.Value).ToArray();
            }
        }
        return new ReaderStudy(path, readers, cases, modalities, cases.Select(c => truth[c].Value).ToArray(), scores, decisions, times);
    }
}
