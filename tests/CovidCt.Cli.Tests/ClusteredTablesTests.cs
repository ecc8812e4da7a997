using System.Text.Json;

namespace CovidCt.Cli.Tests;

/// <summary>
/// The per-image tables of <c>evaluate</c> and <c>compare</c> on the phantom cohort, whose slices belong to patients: they show
/// the intervals and tests clustered by patient beside the plain ones. P1 (covid, 5 slices with truth) and C1 (control, 4 slices)
/// contribute slices with known truth; one patient per class, so the clustered AUC is undefined and says why.
/// </summary>
public sealed class ClusteredTablesTests : IDisposable
{
    private readonly TestModels _models = new();
    private readonly string _manifest;

    public ClusteredTablesTests() => _manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort")).Path;

    public void Dispose() => _models.Dispose();

    private string Cache => Path.Combine(_models.Folder, "cache");

    private CliRun Compare(params string[] extra) =>
        CliRun.Of(["compare", "--model", _models.Lesion(32), "--model", _models.Silent(32), "--cohort", _manifest, "--cache", Cache, .. extra]);

    private CliRun Evaluate(params string[] extra) =>
        CliRun.Of(["evaluate", "--model", _models.Lesion(32), "--cohort", _manifest, "--out", Path.Combine(_models.Folder, "out"), "--cache", Cache, .. extra]);

    [Fact]
    public void Evaluate_json_has_the_clustered_per_image_intervals_beside_the_plain_ones()
    {
        var run = Evaluate("--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var image = json.RootElement.GetProperty("per_image");
        var clustered = image.GetProperty("clustered");
        Assert.Equal(JsonValueKind.Null, image.GetProperty("clustered_omitted").ValueKind);
        Assert.Equal(2, clustered.GetProperty("patients").GetInt32());
        // Lesion slices come from P1 alone: one patient, so no clustered sensitivity; the non-lesion slices come from P1 and C1.
        Assert.Contains("one cluster only", clustered.GetProperty("sensitivity").GetProperty("undefined").GetString(), StringComparison.Ordinal);
        var specificity = clustered.GetProperty("specificity");
        Assert.Equal(image.GetProperty("metrics").GetProperty("specificity").GetProperty("value").GetDouble(), specificity.GetProperty("value").GetDouble(), 12);
        Assert.Equal("wilson", specificity.GetProperty("ci_naive").GetProperty("method").GetString());
        Assert.Equal(2, specificity.GetProperty("clusters").GetInt32());
        Assert.Contains("needs at least 2", clustered.GetProperty("auc_clustered").GetProperty("undefined").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, clustered.GetProperty("caveats").GetArrayLength());
    }

    [Fact]
    public void Evaluate_text_says_which_interval_is_which()
    {
        var run = Evaluate();

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Clustered 95% CI", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"95% CI\" treats the 9 slices as independent", run.Output, StringComparison.Ordinal);
        Assert.Contains("Note: clustered AUC interval undefined", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_json_has_the_clustered_tests_per_image_and_Newcombe_s_differences()
    {
        var run = Compare("--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var pair = json.RootElement.GetProperty("pairs")[0];
        Assert.Equal(JsonValueKind.Null, pair.GetProperty("per_patient").GetProperty("clustered").ValueKind);
        var image = pair.GetProperty("per_image");
        var clustered = image.GetProperty("clustered");
        // The lesion model alone finds P1's three lesion slices: one patient, so the clustered χ² is 3² / 3² = 1.
        var sensitivity = clustered.GetProperty("mcnemar_sensitivity");
        Assert.Equal((3, 1), (sensitivity.GetProperty("only_a_correct").GetInt32(), sensitivity.GetProperty("clusters").GetInt32()));
        Assert.Equal(1.0, sensitivity.GetProperty("chi_square").GetDouble(), 12);
        Assert.Contains("needs at least 2", clustered.GetProperty("delong").GetProperty("undefined").GetString(), StringComparison.Ordinal);
        Assert.Equal("newcombe-paired", image.GetProperty("difference_sensitivity").GetProperty("ci").GetProperty("method").GetString());
    }

    [Fact]
    public void Compare_text_shows_the_clustered_tests_and_the_paired_differences()
    {
        var run = Compare();

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Paired differences A − B", run.Output, StringComparison.Ordinal);
        Assert.Contains("Per image, clustered by patient (2 patients)", run.Output, StringComparison.Ordinal);
    }
}
