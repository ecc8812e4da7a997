using System.Text.Json.Serialization;
using CovidCt.Reporting.Files;
using Parquet.Serialization;

namespace CovidCt.Cluster.Tests;

public class ParquetTablesTests
{
    [Fact]
    public async Task A_patients_parts_read_back_with_its_slices_boxes_truth_and_decision()
    {
        using var folder = new TempFolder();
        var outcome = Outcomes.Covid("covid-001");
        ParquetTables.WritePatient(folder.Path, outcome);

        var slices = (await ParquetSerializer.DeserializeAsync<SliceView>(Path.Combine(folder.Path, "slices", "covid-001.parquet"))).Data;
        Assert.Equal([0, 1, 2], slices.Select(s => s.SliceIndex));
        Assert.Equal([true, null, false], slices.Select(s => s.Truth));
        Assert.Equal([true, false, true], slices.Select(s => s.Decision));
        Assert.Equal(0.9999999, slices[0].Score);
        Assert.Equal([0.1 + 0.2, 0.987654321], slices[0].Boxes.Select(b => b.MaxProbability));
        Assert.Equal([12.0, 140.0], slices[0].Boxes.Select(b => b.Left));
        Assert.Null(slices[0].Boxes[0].AreaMm2);
        Assert.Equal("UpperLeft|LowerLeft", slices[0].Boxes[0].Quadrants);
        Assert.Empty(slices[1].Boxes);

        var patients = (await ParquetSerializer.DeserializeAsync<PatientView>(Path.Combine(folder.Path, "patients", "covid-001.parquet"))).Data;
        var patient = Assert.Single(patients);
        Assert.Equal(("covid-001", "covid", true, true, 0.1 + 0.2, 0, 2), (patient.Patient, patient.Label, patient.Decision, patient.Correct, patient.Score, patient.FirstSliceIndex, patient.LastSliceIndex));
    }

    [Fact]
    public void A_patient_written_twice_gives_the_same_bytes()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        ParquetTables.WritePatient(a.Path, Outcomes.Covid());
        ParquetTables.WritePatient(b.Path, Outcomes.Covid());
        ParquetTables.WritePatient(b.Path, Outcomes.Covid());
        foreach (var table in new[] { ParquetTables.SlicesFolder, ParquetTables.PatientsFolder })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, table, "covid-001.parquet")), File.ReadAllBytes(Path.Combine(b.Path, table, "covid-001.parquet")));
        }
        Assert.Single(Directory.GetFiles(Path.Combine(b.Path, ParquetTables.SlicesFolder)));
    }

    [Fact]
    public async Task The_table_is_the_concatenation_of_its_parts()
    {
        using var folder = new TempFolder();
        ParquetTables.Write(folder.Path, [Outcomes.Covid("a"), Outcomes.Covid("b")]);
        var rows = new List<SliceView>();
        foreach (var part in Directory.GetFiles(Path.Combine(folder.Path, "slices")).Order(StringComparer.Ordinal))
        {
            rows.AddRange((await ParquetSerializer.DeserializeAsync<SliceView>(part)).Data);
        }
        Assert.Equal(["a", "a", "a", "b", "b", "b"], rows.Select(r => r.Patient));
    }

    [Theory]
    [InlineData("covid-001", "covid-001")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("..", "%2E.")]
    [InlineData(".hidden", "%2Ehidden")]
    [InlineData("patient 7", "patient%207")]
    public void Part_names_keep_plain_identifiers_and_escape_the_rest(string id, string name) =>
        Assert.Equal(name, ParquetTables.PartName(id));

    [Fact]
    public void Two_identifiers_never_share_a_part() =>
        Assert.NotEqual(ParquetTables.PartName("a b"), ParquetTables.PartName("a%20b"));

    public sealed class SliceView
    {
        [JsonPropertyName("patient")] public string Patient { get; set; } = "";
        [JsonPropertyName("slice_index")] public int SliceIndex { get; set; }
        [JsonPropertyName("truth")] public bool? Truth { get; set; }
        [JsonPropertyName("decision")] public bool Decision { get; set; }
        [JsonPropertyName("score")] public double Score { get; set; }
        [JsonPropertyName("boxes")] public List<BoxView> Boxes { get; set; } = [];
    }

    public sealed class BoxView
    {
        [JsonPropertyName("left")] public double Left { get; set; }
        [JsonPropertyName("area_mm2")] public double? AreaMm2 { get; set; }
        [JsonPropertyName("max_probability")] public double MaxProbability { get; set; }
        [JsonPropertyName("quadrants")] public string Quadrants { get; set; } = "";
    }

    public sealed class PatientView
    {
        [JsonPropertyName("patient")] public string Patient { get; set; } = "";
        [JsonPropertyName("label")] public string Label { get; set; } = "";
        [JsonPropertyName("decision")] public bool Decision { get; set; }
        [JsonPropertyName("correct")] public bool Correct { get; set; }
        [JsonPropertyName("score")] public double Score { get; set; }
        [JsonPropertyName("first_slice_index")] public int? FirstSliceIndex { get; set; }
        [JsonPropertyName("last_slice_index")] public int? LastSliceIndex { get; set; }
    }
}
