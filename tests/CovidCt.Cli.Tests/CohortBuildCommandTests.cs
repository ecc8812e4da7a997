using CovidCt.Cli;

namespace CovidCt.Cli.Tests;

public sealed class CohortBuildCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Folder => _temp.Path;

    public void Dispose() => _temp.Dispose();

    private string Spec(string json)
    {
        var path = Path.Combine(Folder, "spec.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Builds_a_cohort_and_reports_each_patient()
    {
        var spec = Spec("""{ "name": "cli", "seed": 3, "width": 64, "height": 64, "slices": { "min": 10, "max": 10 }, "sliceThicknessMm": { "min": 5, "max": 5 }, "procedural": { "covid": 1, "control": 1 }, "split": { "val": 0, "test": 0.5 } }""");
        var target = Path.Combine(Folder, "out");
        var (code, output, error) = Run("cohort", "build", "--spec", spec, "--out", target, "--no-sheets");
        Assert.True(code == CliApp.Success, error);
        Assert.Contains("2 patients (1 covid, 1 control)", output);
        Assert.Contains("sim-001", output);
        Assert.True(File.Exists(Path.Combine(target, "manifest.csv")));
        Assert.True(File.Exists(Path.Combine(target, "cohort-card.md")));
        Assert.False(Directory.Exists(Path.Combine(target, "sheets")));
    }

    [Fact]
    public void Only_the_asked_splits_are_built()
    {
        var spec = Spec("""{ "name": "cli", "seed": 3, "width": 64, "height": 64, "slices": { "min": 10, "max": 10 }, "sliceThicknessMm": { "min": 5, "max": 5 }, "procedural": { "covid": 2, "control": 2 }, "split": { "val": 0, "test": 0.5 } }""");
        var target = Path.Combine(Folder, "out");
        var (code, output, error) = Run("cohort", "build", "--spec", spec, "--out", target, "--no-sheets", "--splits", "test");
        Assert.True(code == CliApp.Success, error);
        Assert.Contains("2 patients (1 covid, 1 control)", output);
        Assert.All(File.ReadAllLines(Path.Combine(target, "manifest.csv")).Skip(1), line => Assert.EndsWith(",test", line));
    }

    [Fact]
    public void A_spec_with_an_unknown_property_exits_2_naming_it()
    {
        var spec = Spec("""{ "name": "cli", "seed": 3, "procedural": { "covid": 1, "control": 0 }, "patients": 4 }""");
        var (code, _, error) = Run("cohort", "build", "--spec", spec, "--out", Path.Combine(Folder, "out"));
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("patients", error);
        Assert.Contains(spec, error);
    }

    [Fact]
    public void An_unknown_split_exits_2()
    {
        var spec = Spec("""{ "name": "cli", "seed": 3, "procedural": { "covid": 1, "control": 0 } }""");
        var (code, _, error) = Run("cohort", "build", "--spec", spec, "--out", Path.Combine(Folder, "out"), "--splits", "holdout");
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("'holdout' is not a split", error);
    }

    [Fact]
    public void A_missing_spec_exits_2()
    {
        var (code, _, error) = Run("cohort", "build", "--spec", Path.Combine(Folder, "none.json"), "--out", Path.Combine(Folder, "out"));
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("spec file not found", error);
    }
}
