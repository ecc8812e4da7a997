using System.Text.Json;

namespace CovidCt.Cli.Tests;

/// <summary>
/// <c>covidct compare</c>'s paired JAFROC comparison at the lesion level and the caveats of its reclassification rows, on the phantom
/// cohort: P1's three lesion slices are the only lesions (P2 has no mask, so no lesion truth), so the jackknife over patients
/// (P1 and C1) cannot leave P1 out, and per image 3 lesion slices against 6 lesion-free ones make every class small.
/// </summary>
public sealed class CompareLesionLevelTests : IDisposable
{
    private readonly PhantomComparison _phantom = new();

    public void Dispose() => _phantom.Dispose();

    private string Pair => $"{Path.GetFileNameWithoutExtension(_phantom.Lesion)} vs {Path.GetFileNameWithoutExtension(_phantom.Silent)}";

    [Fact]
    public void Json_gives_each_pair_s_wafroc_difference_undefined_with_its_reason()
    {
        var run = _phantom.Compare("--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var lesions = json.RootElement.GetProperty("pairs")[0].GetProperty("lesions");
        Assert.Equal(JsonValueKind.Null, lesions.GetProperty("omitted").ValueKind);
        var wafroc = lesions.GetProperty("wafroc_difference");
        // The silent model marks nothing: every lesion and every lesion-free slice ties at −∞, so its figure is ½.
        Assert.Equal(0.5, wafroc.GetProperty("b").GetDouble(), 15);
        Assert.True(wafroc.GetProperty("a").GetDouble() > 0.5);
        Assert.Equal(JsonValueKind.Null, wafroc.GetProperty("difference").ValueKind);
        Assert.Equal("leaving out 'P1' leaves no lesion, so the jackknife is undefined", wafroc.GetProperty("undefined").GetString());
        Assert.Equal(1, wafroc.GetProperty("degrees_of_freedom").GetDouble());
    }

    [Fact]
    public void Text_shows_the_lesion_level_row_with_the_reason_it_is_undefined()
    {
        var run = _phantom.Compare();
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Lesion level: the weighted AFROC figures of merit (JAFROC;", run.Output);
        Assert.Matches($@"  {System.Text.RegularExpressions.Regex.Escape(Pair)}: wAFROC A \d\.\d{{4}}, B 0\.5000; A − B undefined \(leaving out 'P1' leaves no lesion, so the jackknife is undefined\)", run.Output);
    }

    [Fact]
    public void Without_a_truth_mask_the_lesion_row_says_why_it_is_absent()
    {
        // The same phantoms without P1's mask: no slice of a COVID-19 patient has a lesion truth.
        var manifest = Path.Combine(Path.GetDirectoryName(_phantom.Manifest)!, "no-masks.csv");
        File.WriteAllText(manifest, "patient_id,label,images,masks,split\nP1,covid,p1.nii.gz,,test\nP2,covid,p2.nii.gz,,test\nC1,control,c1.nii.gz,,test\n");
        var run = CliRun.Of("compare", "--model", _phantom.Lesion, "--model", _phantom.Silent, "--cohort", manifest, "--cache", _phantom.Cache, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var lesions = json.RootElement.GetProperty("pairs")[0].GetProperty("lesions");
        Assert.Equal(JsonValueKind.Null, lesions.GetProperty("wafroc_difference").ValueKind);
        Assert.Equal("no truth mask marks a lesion: 8 slices of COVID-19 patients without a mask have no lesion truth, and the 4 slices with a known truth hold no lesion",
            lesions.GetProperty("omitted").GetString());
    }

    [Fact]
    public void Small_classes_and_few_patients_put_a_caveat_beside_the_reclassification_rows()
    {
        var run = _phantom.Compare();
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"Caveat, {Pair}, per image reclassification: n below 10 per class (3 diseased, 6 not): Pencina's z intervals", run.Output);
        Assert.Contains($"Caveat, {Pair}, per image reclassification: the clustered intervals resample only 2 patients (below 10)", run.Output);
        // Per patient nothing is defined (one control), so there is nothing to caveat: the undefined row says why.
        Assert.DoesNotContain($"Caveat, {Pair}, per patient reclassification", run.Output);

        var json = _phantom.Compare("--json");
        using var document = JsonDocument.Parse(json.Output);
        var caveats = document.RootElement.GetProperty("pairs")[0].GetProperty("per_image").GetProperty("reclassification").GetProperty("caveats");
        Assert.StartsWith("n below 10 per class (3 diseased, 6 not)", caveats[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("the clustered intervals resample only 2 patients", caveats[1].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_width_reclassification_interval_carries_its_caveat()
    {
        // The same lesion model in two layouts: no case changes decision or score.
        var (a, b) = (_phantom.Lesion, _phantom.Models.Lesion(32, CovidCt.Pipelines.Models.TensorLayout.Nhwc));
        var run = _phantom.CompareModels(a, b);
        Assert.True(run.ExitCode == 0, run.Error);
        var pair = $"{Path.GetFileNameWithoutExtension(a)} vs {Path.GetFileNameWithoutExtension(b)}";
        Assert.Contains($"Caveat, {pair}, per image reclassification: NRI of the decisions: zero-width interval: no case changed decision between the models", run.Output);
        Assert.Contains($"Caveat, {pair}, per image reclassification: continuous NRI: zero-width interval: no case changed score between the models", run.Output);
    }
}
