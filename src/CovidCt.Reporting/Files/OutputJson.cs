using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CovidCt.Data.IO;

namespace CovidCt.Reporting.Files;

/// <summary>
/// The one JSON convention of every output file: snake_case fields, enums by name, indented, a <c>schema_version</c> at the
/// top of each document (<see cref="SchemaVersion"/>), and non-finite numbers as null because JSON has no NaN or infinity.
/// Documents are records serialised by <see cref="Options"/>; their fields are listed in docs/cli.md.
/// </summary>
public static class OutputJson
{
    /// <summary>
    /// The version of every output document's schema. 2: snake_case throughout, <c>schema_version</c> replaces
    /// <c>format_version</c>, slice indices are named <c>slice_index</c>, metrics.json embeds the <c>pipeline</c>. 3: one naming
    /// rule for intervals (<c>ci</c> alone, else <c>ci_clustered</c>/<c>ci_naive</c>/<c>ci_logit</c>; docs/metrics.md "JSON
    /// conventions"), so a reader of version 2 fields such as <c>ci_plain</c> can tell from the number that they were renamed.
    /// </summary>
    public const int SchemaVersion = 3;

    /// <summary>The serializer options of every output document.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new FiniteNumberConverter() },
    };

    /// <summary>The document as JSON text, with a final line break.</summary>
    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, Options) + "\n";

    /// <summary>Writes the document to <paramref name="path"/> atomically.</summary>
    public static void Save<T>(string path, T document) => AtomicFile.WriteAllText(path, Serialize(document));

    // NaN and infinities (a likelihood ratio with no false positives, an undefined AUC) are written as null.
    private sealed class FiniteNumberConverter : JsonConverter<double>
    {
        public override bool HandleNull => false;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
