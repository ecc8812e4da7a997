using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;

namespace CovidCt.Data.Synthesis;

/// <summary>
/// What <see cref="CohortBuilder"/> builds, read from a JSON file (property names in camelCase, unknown properties refused).
/// The same spec and seed give byte-identical files.
/// </summary>
public sealed record CohortSpec
{
    /// <summary>Name of the cohort, shown in the cohort card.</summary>
    public required string Name { get; init; }

    /// <summary>Seed of everything in the cohort. Cohorts meant to be disjoint must use different seeds.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Columns of procedural slices (default 512).</summary>
    public int Width { get; init; } = 512;

    /// <summary>Rows of procedural slices (default 512).</summary>
    public int Height { get; init; } = 512;

    /// <summary>Slices per procedural patient, drawn uniformly in the range (default 64..64).</summary>
    public IntegerRange Slices { get; init; } = new(64, 64);

    /// <summary>Slice thickness of procedural patients, mm, drawn uniformly (default 1.25..5).</summary>
    public NumberRange SliceThicknessMm { get; init; } = new(1.25, 5.0);

    /// <summary>How many procedural patients of each label.</summary>
    public LabelCounts Procedural { get; init; } = new(0, 0);

    /// <summary>Real CT series with simulated findings inserted; never committed (see docs/cohort.md).</summary>
    public IReadOnlyList<RealCtSource> RealCt { get; init; } = [];

    /// <summary>Fractions of each label's procedural patients in val and test; the rest is train (default 0.25 / 0.375).</summary>
    public SplitFractions Split { get; init; } = new(0.25, 0.375);

    /// <summary>
    /// Which lesion planner draws the findings (default <see cref="LesionModel.Study"/>). Left out of the cohort card when it
    /// is the default, so the cards of the existing specs stay as they were.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public LesionModel Lesions { get; init; } = LesionModel.Study;

    /// <summary>SHA-256 of the spec file's bytes (hex), set by <see cref="Load"/>; recorded in the cohort card.</summary>
    [JsonIgnore]
    public string Sha256 { get; init; } = "";

    /// <summary>The file the spec was read from, set by <see cref="Load"/>.</summary>
    [JsonIgnore]
    public string File { get; init; } = "";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Reads and validates the spec at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">For a missing file, malformed JSON (with its line), an unknown property or an out-of-range value (naming the field).</exception>
    public static CohortSpec Load(string path)
    {
        if (!System.IO.File.Exists(path)) throw new InvalidInputException(path, "spec file not found; expected a cohort spec in JSON (see docs/cohort.md)");
        var bytes = System.IO.File.ReadAllBytes(path);
        CohortSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize<CohortSpec>(bytes, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(path, e.Message, e.LineNumber is { } line ? (int)line + 1 : null, e.Path, e);
        }
        if (spec is null) throw new InvalidInputException(path, "the spec is JSON null; expected an object");
        spec = spec with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), File = Path.GetFullPath(path) };
        spec.Validate();
        return spec;
    }

    /// <summary>Throws <see cref="InvalidInputException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        void Require(bool ok, string field, string problem)
        {
            if (!ok) throw new InvalidInputException(File.Length > 0 ? File : "cohort spec", problem, field: field);
        }
        Require(!string.IsNullOrWhiteSpace(Name), "name", "is empty; give the cohort a name");
        Require(Width is >= 32 and <= 2048 && Height is >= 32 and <= 2048, "width", $"slices of {Width} x {Height} pixels are outside 32..2048");
        Require(Slices.Min >= 3 && Slices.Max >= Slices.Min && Slices.Max <= 1024, "slices", $"{Slices.Min}..{Slices.Max} is not a range within 3..1024");
        Require(SliceThicknessMm.Min >= 0.5 && SliceThicknessMm.Max >= SliceThicknessMm.Min && SliceThicknessMm.Max <= 10, "sliceThicknessMm", $"{SliceThicknessMm.Min}..{SliceThicknessMm.Max} mm is not a range within 0.5..10");
        Require(Procedural.Covid >= 0 && Procedural.Control >= 0, "procedural", "patient counts must not be negative");
        Require(Split.Val >= 0 && Split.Test >= 0 && Split.Val + Split.Test <= 1, "split", $"val {Split.Val} + test {Split.Test} must be fractions summing to at most 1");
        for (var i = 0; i < RealCt.Count; i++)
        {
            var source = RealCt[i];
            Require(!string.IsNullOrWhiteSpace(source.Series), $"realCt[{i}].series", "is empty; give a DICOM folder or NIfTI file");
            Require(source.Covid >= 0 && source.Control >= 0, $"realCt[{i}]", "patient counts must not be negative");
        }
        Require(Procedural.Covid + Procedural.Control + RealCt.Sum(r => r.Covid + r.Control) > 0, "procedural", "the spec asks for no patients");
    }
}

/// <summary>An inclusive integer range.</summary>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
public sealed record IntegerRange(int Min, int Max);

/// <summary>A closed real range.</summary>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
public sealed record NumberRange(double Min, double Max);

/// <summary>Patient counts per label.</summary>
/// <param name="Covid">COVID-19 patients.</param>
/// <param name="Control">Control patients.</param>
public sealed record LabelCounts(int Covid, int Control);

/// <summary>Fractions of patients in the validation and test splits; the rest is train.</summary>
/// <param name="Val">Fraction in val (rounded per label).</param>
/// <param name="Test">Fraction in test (rounded per label).</param>
public sealed record SplitFractions(double Val, double Test);

/// <summary>A real CT series to insert simulated findings into.</summary>
/// <param name="Series">DICOM folder or NIfTI file: absolute, or relative to the shared data folder (<c>--shared-data</c>, default <c>$COVIDCT_SHARED_DATA</c>).</param>
/// <param name="Covid">Patients with COVID-19 findings made from this series (each with its own seed).</param>
/// <param name="Control">Control patients made from this series.</param>
/// <param name="Split">Split of every patient made from this series (one split per series, so that one anatomy never sits on both sides).</param>
public sealed record RealCtSource(string Series, int Covid, int Control, CohortSplit Split = CohortSplit.Train);
