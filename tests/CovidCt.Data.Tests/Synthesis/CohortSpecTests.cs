using CovidCt.Data.IO;
using CovidCt.Data.Synthesis;

namespace CovidCt.Data.Tests.Synthesis;

public sealed class CohortSpecTests
{
    [Fact]
    public void Every_committed_spec_loads()
    {
        var folder = Repository.File("datasets", "specs");
        var files = Directory.GetFiles(folder, "*.json");
        Assert.Contains(files, f => Path.GetFileName(f) == "default.json");
        foreach (var file in files)
        {
            var spec = CohortSpec.Load(file);
            Assert.Equal(64, spec.Sha256.Length);
        }
    }

    [Fact]
    public void Defaults_fill_what_the_spec_leaves_out()
    {
        using var temp = new TempFolder();
        var path = temp.File("s.json");
        File.WriteAllText(path, """{ "name": "n", "seed": 1, "procedural": { "covid": 1, "control": 0 } }""");
        var spec = CohortSpec.Load(path);
        Assert.Equal((512, 512, 64, 64), (spec.Width, spec.Height, spec.Slices.Min, spec.Slices.Max));
        Assert.Equal(new NumberRange(1.25, 5.0), spec.SliceThicknessMm);
        Assert.Empty(spec.RealCt);
    }

    [Theory]
    [InlineData("""{ "name": "n", "seed": 1, "procedural": { "covid": 1, "control": 0 }, "colour": 3 }""", "colour")]
    [InlineData("""{ "name": "n", "seed": 1, "procedural": { "covid": -1, "control": 0 } }""", "procedural")]
    [InlineData("""{ "name": "n", "seed": 1, "procedural": { "covid": 1, "control": 0 }, "split": { "val": 0.6, "test": 0.6 } }""", "split")]
    [InlineData("""{ "name": "n", "seed": 1, "procedural": { "covid": 1, "control": 0 }, "slices": { "min": 9, "max": 4 } }""", "slices")]
    [InlineData("""{ "name": "n", "seed": 1, "procedural": { "covid": 0, "control": 0 } }""", "procedural")]
    [InlineData("""{ "name": "n", "seed": 1, "realCt": [ { "series": "x", "covid": 1, "control": 0, "split": "later" } ] }""", "split")]
    public void Bad_specs_are_refused_naming_the_field(string json, string field)
    {
        using var temp = new TempFolder();
        var path = temp.File("bad.json");
        File.WriteAllText(path, json);
        var error = Assert.Throws<InvalidInputException>(() => CohortSpec.Load(path));
        Assert.Equal(path, error.File);
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_line()
    {
        using var temp = new TempFolder();
        var path = temp.File("broken.json");
        File.WriteAllText(path, "{\n  \"name\": \"n\",\n  \"seed\": ,\n}");
        var error = Assert.Throws<InvalidInputException>(() => CohortSpec.Load(path));
        Assert.Equal(3, error.Line);
    }
}
