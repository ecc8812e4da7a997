using System.Text.Json;

namespace CovidCt.Cli.Tests;

/// <summary>
/// <c>covidct compare</c> on the phantom cohort: the lesion model calls P1 positive; the silent model calls nobody positive, so
/// they disagree on P1 only, and per image the lesion model alone finds P1's three lesion slices and C1's false positive.
/// </summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly TestModels _models = new();
    private readonly string _manifest;

    public CompareCommandTests() => _manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort")).Path;

    public void Dispose() => _models.Dispose();

    private CliRun Compare(params string[] extra) =>
        CliRun.Of(["compare", "--model", _models.Lesion(32), "--model", _models.Silent(32), "--cohort", _manifest, "--cache", Path.Combine(_models.Folder, "cache"), .. extra]);

    [Fact]
    public void Json_pairs_the_models_with_mcnemar_per_class_and_lists_the_disagreement()
    {
        var run = Compare("--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("models").GetArrayLength());
        var pair = root.GetProperty("pairs")[0];
        var image = pair.GetProperty("per_image");
        // Lesion slices of P1 (truth known): only the lesion model is right on 3; controls: only the silent model is right on C1 slice 0.
        Assert.Equal(3, image.GetProperty("mcnemar_sensitivity").GetProperty("only_a_correct").GetInt32());
        Assert.Equal(0, image.GetProperty("mcnemar_sensitivity").GetProperty("only_b_correct").GetInt32());
        Assert.Equal(0.25, image.GetProperty("mcnemar_sensitivity").GetProperty("p_value").GetDouble(), 12);
        Assert.Equal(1, image.GetProperty("mcnemar_specificity").GetProperty("only_b_correct").GetInt32());
        // Per patient one control only: DeLong needs two of each class.
        Assert.Contains("at least two cases of each class", pair.GetProperty("per_patient").GetProperty("delong").GetProperty("undefined").GetString());
        Assert.True(image.GetProperty("delong").GetProperty("difference").GetDouble() > 0);
        var disagreements = root.GetProperty("disagreements");
        Assert.Equal(1, disagreements.GetArrayLength());
        Assert.Equal("P1", disagreements[0].GetProperty("patient").GetString());
    }

    [Fact]
    public void Text_shows_both_models_side_by_side_and_the_patient_they_disagree_on()
    {
        var run = Compare();
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Paired tests", run.Output);
        Assert.Contains("Patients on which they disagree (1)", run.Output);
        Assert.Contains("│ P1 ", run.Output);
    }

    [Fact]
    public void One_model_is_a_usage_error()
    {
        var run = CliRun.Of("compare", "--model", _models.Lesion(32), "--cohort", _manifest);
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("at least two --model", run.Error);
    }
}
