using System.Globalization;
using System.Text;

namespace CovidCt.Data.IO;

/// <summary>
/// A small RFC 4180 CSV reader for hand-written research files (manifests, score tables):
/// a header row, quoted fields with doubled quotes, blank lines and lines starting with '#' skipped.
/// Every accessor that fails throws <see cref="InvalidInputException"/> naming file, line and column.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        File = file;
        Header = header;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++) _columns[header[i]] = i;
    }

    /// <summary>The file the table was read from.</summary>
    public string File { get; }

    /// <summary>Column names as written in the header (trimmed).</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows, in file order.</summary>
    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>True when the header has <paramref name="column"/> (case-insensitive).</summary>
    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>Throws unless every one of <paramref name="columns"/> is in the header.</summary>
    public void RequireColumns(params string[] columns)
    {
        foreach (var column in columns)
        {
            if (!HasColumn(column))
            {
                throw new InvalidInputException(File, $"missing column '{column}'; the header must contain: {string.Join(",", columns)}", 1, column);
            }
        }
    }

    internal int IndexOf(string column) => _columns.TryGetValue(column, out var i) ? i : -1;

    /// <summary>Reads <paramref name="path"/>. An empty file or one without data rows is an error.</summary>
    public static CsvTable Read(string path)
    {
        if (!System.IO.File.Exists(path)) throw new InvalidInputException(path, "file not found");
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(path, reader);
    }

    /// <summary>Parses CSV text; <paramref name="file"/> names it in errors.</summary>
    public static CsvTable Parse(string file, TextReader reader)
    {
        List<string>? header = null;
        var rows = new List<CsvRow>();
        var lineNumber = 0;
        while (ReadRecord(file, reader, ref lineNumber) is { } record)
        {
            var (fields, startLine) = record;
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            if (fields[0].TrimStart().StartsWith('#')) continue;
            if (header is null)
            {
                header = fields.Select(f => f.Trim()).ToList();
                var duplicate = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
                if (duplicate is not null) throw new InvalidInputException(file, $"column '{duplicate.Key}' appears twice in the header", startLine, duplicate.Key);
                continue;
            }
            if (fields.Count != header.Count)
            {
                throw new InvalidInputException(file, $"expected {header.Count} fields ({string.Join(",", header)}) but found {fields.Count}", startLine);
            }
            rows.Add(new CsvRow(file, startLine, fields.Select(f => f.Trim()).ToArray()));
        }
        if (header is null) throw new InvalidInputException(file, "the file is empty; expected a header row and at least one data row");
        if (rows.Count == 0) throw new InvalidInputException(file, "the file has a header but no data rows", 1);
        var table = new CsvTable(file, header, rows);
        foreach (var row in rows) row.Table = table;
        return table;
    }

    private static (List<string> Fields, int StartLine)? ReadRecord(string file, TextReader reader, ref int lineNumber)
    {
        var line = reader.ReadLine();
        if (line is null) return null;
        lineNumber++;
        var startLine = lineNumber;
        RequireText(file, line, lineNumber);
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var i = 0;
        while (true)
        {
            if (i >= line.Length)
            {
                if (!inQuotes) break;
                var next = reader.ReadLine();
                if (next is null) throw new InvalidInputException(file, "a quoted field is not closed before the end of the file", startLine);
                lineNumber++;
                RequireText(file, next, lineNumber);
                field.Append('\n');
                line = next;
                i = 0;
                continue;
            }
            var c = line[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    inQuotes = false;
                }
                else field.Append(c);
            }
            else if (c == '"' && field.ToString().Trim().Length == 0) { field.Clear(); inQuotes = true; }
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
            i++;
        }
        fields.Add(field.ToString());
        return (fields, startLine);
    }

    // A NUL character is never text: the file is binary or corrupt, and no file name (the manifest's paths) may hold one.
    private static void RequireText(string file, string line, int lineNumber)
    {
        var nul = line.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0) throw new InvalidInputException(file, $"holds a NUL character (byte 0) at column {nul + 1}; expected a text CSV file", lineNumber);
    }
}

/// <summary>One data row of a <see cref="CsvTable"/>, with typed accessors that report file, line and column on failure.</summary>
public sealed class CsvRow
{
    private readonly string[] _fields;

    internal CsvRow(string file, int line, string[] fields)
    {
        File = file;
        Line = line;
        _fields = fields;
    }

    internal CsvTable Table { get; set; } = null!;

    /// <summary>The file the row came from.</summary>
    public string File { get; }

    /// <summary>1-based line number where the row starts.</summary>
    public int Line { get; }

    /// <summary>The raw (trimmed) text of <paramref name="column"/>, or null when the table has no such column.</summary>
    public string? Optional(string column)
    {
        var i = Table.IndexOf(column);
        return i < 0 ? null : _fields[i];
    }

    /// <summary>The non-empty text of <paramref name="column"/>.</summary>
    public string Text(string column)
    {
        var value = Optional(column) ?? throw new InvalidInputException(File, $"missing column '{column}'", 1, column);
        if (value.Length == 0) throw Error(column, "is empty; a value is required");
        return value;
    }

    /// <summary>A finite number (invariant culture) in <paramref name="column"/>.</summary>
    public double Number(string column)
    {
        var text = Text(column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error(column, $"'{text}' is not a finite number");
        }
        return value;
    }

    /// <summary>A 0/1 label in <paramref name="column"/>.</summary>
    public bool Binary(string column)
    {
        var text = Text(column);
        return text switch
        {
            "0" => false,
            "1" => true,
            _ => throw Error(column, $"'{text}' is not a label; expected 0 or 1"),
        };
    }

    /// <summary>An error about <paramref name="column"/> of this row.</summary>
    public InvalidInputException Error(string column, string problem) => new(File, $"{column} {problem}", Line, column);
}
