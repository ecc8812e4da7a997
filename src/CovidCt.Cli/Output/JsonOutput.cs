using System.Text.Encodings.Web;
using System.Text.Json;
using CovidCt.Metrics;
using CovidCt.Reporting.Files;

namespace CovidCt.Cli.Output;

/// <summary>
/// Writes the documented --json shapes of the metrics and paper commands (docs/metrics.md) in the convention of
/// <see cref="OutputJson"/>. Numbers are written in round-trip precision;
/// non-finite numbers become null, because JSON has no NaN or infinity. A string that may be absent (a caveat, an undefined
/// reason) needs no branch: <see cref="Utf8JsonWriter.WriteString(string, string?)"/> writes null for null.
/// </summary>
internal sealed class JsonOutput : IDisposable
{
    private readonly MemoryStream _buffer = new();
    private readonly TextWriter _target;

    private JsonOutput(TextWriter target)
    {
        _target = target;
        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>
    /// Writes one JSON document to <paramref name="target"/> once <paramref name="body"/> has filled it; its first field is the
    /// <c>schema_version</c> every output document carries (<see cref="OutputJson.SchemaVersion"/>).
    /// </summary>
    public static void Write(TextWriter target, Action<JsonOutput> body)
    {
        using var json = new JsonOutput(target);
        json.Writer.WriteStartObject();
        json.Writer.WriteNumber("schema_version", OutputJson.SchemaVersion);
        body(json);
        json.Writer.WriteEndObject();
    }

    public void Number(string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) Writer.WriteNumber(name, v);
        else Writer.WriteNull(name);
    }

    public void Counts(string name, ConfusionCounts counts)
    {
        Writer.WriteStartObject(name);
        Writer.WriteNumber("tp", counts.TruePositives);
        Writer.WriteNumber("fp", counts.FalsePositives);
        Writer.WriteNumber("tn", counts.TrueNegatives);
        Writer.WriteNumber("fn", counts.FalseNegatives);
        Writer.WriteEndObject();
    }

    public void Interval(string name, ConfidenceInterval? interval)
    {
        if (interval is null)
        {
            Writer.WriteNull(name);
            return;
        }
        Writer.WriteStartObject(name);
        Number("lower", interval.Lower);
        Number("upper", interval.Upper);
        Number("level", interval.Level);
        Writer.WriteString("method", interval.Method);
        Writer.WriteEndObject();
    }

    public void Estimate(string name, Estimate estimate)
    {
        Writer.WriteStartObject(name);
        Number("numerator", estimate.Numerator);
        Number("denominator", estimate.Denominator);
        Number("value", estimate.Value);
        Writer.WriteString("undefined", estimate.UndefinedReason);
        Interval("ci", estimate.Interval);
        Writer.WriteEndObject();
    }

    public void Metrics(string name, DiagnosticMetrics metrics)
    {
        Writer.WriteStartObject(name);
        foreach (var (metric, estimate) in metrics.All) Estimate(metric, estimate);
        Writer.WriteEndObject();
    }

    /// <summary>A paired DeLong test: both AUCs, variances, covariance, difference with its interval, z and p; or only
    /// <c>undefined</c> with <paramref name="undefinedReason"/> when <paramref name="paired"/> is null.</summary>
    public void PairedDeLong(string name, PairedDeLongResult? paired, string? undefinedReason)
    {
        Writer.WriteStartObject(name);
        if (paired is null)
        {
            Writer.WriteString("undefined", undefinedReason);
            Writer.WriteEndObject();
            return;
        }
        Number("auc_a", paired.AucA);
        Number("auc_b", paired.AucB);
        Number("variance_a", paired.VarianceA);
        Number("variance_b", paired.VarianceB);
        Number("covariance", paired.Covariance);
        Number("difference", paired.Difference);
        Number("z", paired.Z);
        Number("p_value", paired.PValue);
        Interval("difference_ci", paired.DifferenceInterval);
        Writer.WriteNull("undefined");
        Writer.WriteEndObject();
    }

    /// <summary>An exact McNemar test of two decisions on the same cases.</summary>
    public void McNemar(string name, McNemarResult result)
    {
        Writer.WriteStartObject(name);
        Writer.WriteNumber("cases", result.Cases);
        Writer.WriteNumber("only_a_correct", result.OnlyACorrect);
        Writer.WriteNumber("only_b_correct", result.OnlyBCorrect);
        Number("p_value", result.PValue);
        Number("mid_p_value", result.MidPValue);
        Writer.WriteEndObject();
    }

    public void Dispose()
    {
        Writer.Flush();
        Writer.Dispose();
        _target.WriteLine(System.Text.Encoding.UTF8.GetString(_buffer.ToArray()));
        _buffer.Dispose();
    }
}
