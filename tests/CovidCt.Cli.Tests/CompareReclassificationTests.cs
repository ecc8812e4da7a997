using System.Text.Json;

namespace CovidCt.Cli.Tests;

/// <summary>
/// <c>covidct compare</c>'s net reclassification, integrated discrimination and partial AUC difference on the phantom cohort
/// (the lesion model against the silent one, which calls nothing positive): the same statistics and words as <c>metrics compare</c>,
/// per pair and level, per image with the intervals clustered by patient.
/// </summary>
public sealed class CompareReclassificationTests : IDisposable
{
    private readonly PhantomComparison _phantom = new();

    public void Dispose() => _phantom.Dispose();

    private CliRun Compare(params string[] extra) => _phantom.Compare(extra);

    [Fact]
    public void Json_has_each_pair_s_reclassification_per_image_clustered_and_per_patient_undefined_with_the_reason()
    {
        var run = Compare("--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var pair = json.RootElement.GetProperty("pairs")[0];
        var image = pair.GetProperty("per_image");
        var nri = image.GetProperty("reclassification").GetProperty("nri");
        // The NRI of the decisions is B − A in sensitivity plus B − A in specificity: minus the paired differences A − B.
        Assert.Equal(-image.GetProperty("difference_sensitivity").GetProperty("value").GetDouble(), nri.GetProperty("diseased").GetDouble(), 12);
        Assert.Equal(-image.GetProperty("difference_specificity").GetProperty("value").GetDouble(), nri.GetProperty("non_diseased").GetDouble(), 12);
        Assert.Equal("pencina", nri.GetProperty("ci").GetProperty("method").GetString());
        Assert.Equal("patient-bootstrap-percentile", nri.GetProperty("ci_clustered").GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Number, image.GetProperty("reclassification").GetProperty("nri_continuous").GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Number, image.GetProperty("reclassification").GetProperty("idi").GetProperty("value").ValueKind);
        // One control patient: per patient nothing is defined, and the document says why.
        var patient = pair.GetProperty("per_patient").GetProperty("reclassification");
        Assert.Equal(JsonValueKind.Null, patient.GetProperty("nri").ValueKind);
        Assert.Equal("needs at least two diseased and two non-diseased cases; got 2 and 1", patient.GetProperty("undefined").GetString());
        Assert.Equal(JsonValueKind.Null, image.GetProperty("partial_auc").ValueKind);
    }

    [Fact]
    public void Text_shows_reclassification_in_the_words_of_metrics_compare()
    {
        var run = Compare();
        Assert.True(run.ExitCode == 0, run.Error);
        var pair = $"{Path.GetFileNameWithoutExtension(_phantom.Lesion)} vs {Path.GetFileNameWithoutExtension(_phantom.Silent)}";
        Assert.Contains("Reclassification of B over A (Pencina 2008; positive favours B)", run.Output);
        Assert.Contains($"  {pair}, per patient: undefined (needs at least two diseased and two non-diseased cases; got 2 and 1)", run.Output);
        Assert.Matches($@"  {pair}, per image, decisions: NRI -\d\.\d{{4}} \(95% CI .* to .*; clustered by patient .* to .*\), p \d\.\d{{4}}; diseased -", run.Output);
        Assert.Contains($"  {pair}, per image, continuous: NRI ", run.Output);
        Assert.Contains($"  {pair}, per image: IDI ", run.Output);
        Assert.DoesNotContain("Partial AUC", run.Output);
    }

    [Fact]
    public void Partial_auc_gives_each_model_s_area_and_the_difference_with_a_patient_bootstrap_interval()
    {
        var run = Compare("--partial-auc", "0.8", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var partial = json.RootElement.GetProperty("pairs")[0].GetProperty("per_image").GetProperty("partial_auc");
        Assert.Equal(0.8, partial.GetProperty("min_specificity").GetDouble(), 12);
        var (a, b) = (partial.GetProperty("a").GetProperty("area").GetDouble(), partial.GetProperty("b").GetProperty("area").GetDouble());
        Assert.Equal(a - b, partial.GetProperty("difference").GetDouble(), 12);
        Assert.Equal(0.2, partial.GetProperty("a").GetProperty("max_area").GetDouble(), 12);
        Assert.Equal(2000, partial.GetProperty("resamples").GetInt32());

        var text = Compare("--partial-auc", "0.8");
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("Partial AUC (specificity 0.8–1); A − B of the raw areas with a patient-bootstrap 95% interval (2,000 resamples of whole patients):", text.Output);
        Assert.Contains($"{Path.GetFileNameWithoutExtension(_phantom.Lesion)} {a.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)} of at most 0.2; McClish standardised", text.Output);
    }

    [Fact]
    public void A_zero_width_partial_auc_interval_carries_its_caveat()
    {
        // The same lesion model twice: every resample gives a difference of 0.
        var run = _phantom.CompareModels(_phantom.Lesion, _phantom.Models.Lesion(32, CovidCt.Pipelines.Models.TensorLayout.Nhwc), "--partial-auc", "0.5");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("per image partial AUC difference: zero-width interval: every resample gives the same difference", run.Output);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-0.1")]
    public void A_partial_auc_range_outside_zero_to_one_is_a_usage_error(string value)
    {
        var run = Compare("--partial-auc", value);
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("--partial-auc must be the lowest specificity of the range, in [0, 1)", run.Error);
    }
}
