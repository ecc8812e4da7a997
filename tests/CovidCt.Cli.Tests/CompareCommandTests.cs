using CovidCt.Pipelines.Models;
using System.Text.Json;

namespace CovidCt.Cli.Tests;

/// <summary>
/// <c>covidct compare</c> on the phantom cohort: the lesion model calls P1 positive; the silent model calls nobody positive, so
/// they disagree on P1 only, and per image the lesion model alone finds P1's three lesion slices and C1's false positive.
/// </summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly PhantomComparison _phantom = new();

    public void Dispose() => _phantom.Dispose();

    private CliRun Compare(params string[] extra) => _phantom.Compare(extra);

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
        var run = CliRun.Of("compare", "--model", _phantom.Lesion, "--cohort", _phantom.Manifest);
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("at least two --model", run.Error);
    }

    [Fact]
    public void Degenerate_aucs_carry_their_caveats_under_the_tables()
    {
        var run = Compare();
        Assert.True(run.ExitCode == 0, run.Error);
        var silent = Path.GetFileNameWithoutExtension(_phantom.Silent);
        // One control patient: every patient AUC rests on too few cases; the silent model scores every slice 0: one threshold.
        Assert.Contains($"Caveat, {silent}, patient AUC: n below 10 per class (2 diseased, 1 not)", run.Output);
        Assert.Contains($"Caveat, {silent}, image AUC: single-threshold ROC", run.Output);
    }

    [Fact]
    public void A_paired_delong_test_without_variance_carries_its_caveat()
    {
        // The same lesion model in two layouts: identical scores, so the variance of the AUC difference is 0.
        var (a, b) = (_phantom.Lesion, _phantom.Models.Lesion(32, TensorLayout.Nhwc));
        var run = _phantom.CompareModels(a, b);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"Caveat, {Path.GetFileNameWithoutExtension(a)} vs {Path.GetFileNameWithoutExtension(b)}, image AUC difference: zero-width interval", run.Output);
    }
}
