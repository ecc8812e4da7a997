using System.Globalization;
using System.Text;

namespace CovidCt.Reporting.Files;

/// <summary>Builds RFC 4180 CSV text: fields quoted only when they hold a comma, a quote or a line break; numbers invariant.</summary>
internal sealed class CsvText
{
    private readonly StringBuilder _text = new();

    public CsvText(params string[] header) => Row(header);

    public CsvText Row(params string[] fields)
    {
        _text.AppendJoin(',', fields.Select(Quote)).Append('\n');
        return this;
    }

    public static string Number(double value, string format = "0.######") => value.ToString(format, CultureInfo.InvariantCulture);

    public override string ToString() => _text.ToString();

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
