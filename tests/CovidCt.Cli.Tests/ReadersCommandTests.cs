using CovidCt.Testing;

namespace CovidCt.Cli.Tests;

// Issue #17 item 6: covidct readers analyse on the published Van Dyke study, on the example file, and on bad input.
public sealed class ReadersCommandTests : IDisposable
{
    private readonly MetricsCli _cli = new();

    private static string VanDyke => Repository.File("tests", "CovidCt.Metrics.Tests", "References", "vandyke.csv");

    private static string Example => Repository.File("docs", "examples", "reader-study.csv");

    [Fact]
    public void Van_Dyke_json_carries_the_published_test_and_difference()
    {
        // MRMCaov 0.1.8 README: F 4.456319, ddf 15.25967, p 0.05166569, difference −0.04380032 (−0.0879595 to 0.0003589).
        var mrmc = MetricsCli.Json("readers", "analyse", VanDyke).GetProperty("mrmc_auc");
        var test = mrmc.GetProperty("f_test");
        Assert.Equal(4.456319, Math.Round(test.GetProperty("f").GetDouble(), 6));
        Assert.Equal(15.25967, Math.Round(test.GetProperty("df2").GetDouble(), 5));
        Assert.Equal(0.05166569, Math.Round(test.GetProperty("p").GetDouble(), 8));
        var difference = mrmc.GetProperty("differences")[0];
        Assert.Equal(-0.0879595, Math.Round(difference.GetProperty("ci").GetProperty("lower").GetDouble(), 7));
        Assert.Equal(0.0003589, Math.Round(difference.GetProperty("ci").GetProperty("upper").GetDouble(), 7));
    }

    [Fact]
    public void Example_reports_all_three_analyses_in_the_console()
    {
        var (code, output, error) = MetricsCli.Run("readers", "analyse", Example);
        Assert.True(code == 0, error);
        Assert.Contains("Test of equal mean AUCs in every modality: F(1,", output);
        Assert.Contains("Agreement on the decisions", output);
        Assert.Contains("all 3 (Fleiss)", output);
        Assert.Contains("R1 & R2 (Cohen)", output);
        Assert.Contains("ratio of geometric means against unaided", output);
    }

    [Fact]
    public void Example_json_ratio_is_the_ratio_of_the_geometric_means()
    {
        var json = MetricsCli.Json("readers", "analyse", Example);
        var time = json.GetProperty("reading_time").GetProperty("comparisons")[0];
        var ratio = time.GetProperty("ratio");
        Assert.Equal(time.GetProperty("geometric_mean").GetDouble() / time.GetProperty("geometric_mean_reference").GetDouble(), ratio.GetProperty("value").GetDouble(), 12);
        Assert.True(ratio.GetProperty("ci").GetProperty("upper").GetDouble() < 1);
        Assert.Equal("decision", json.GetProperty("agreement").GetProperty("on").GetString());
        // Defined results keep their "undefined" field, as null, so a reader of the JSON finds every field on every run.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("mrmc_auc").GetProperty("undefined").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("agreement").GetProperty("undefined").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("reading_time").GetProperty("undefined").ValueKind);
    }

    [Fact]
    public void Reference_option_turns_the_ratio_round()
    {
        var json = MetricsCli.Json("readers", "analyse", Example, "--reference", "with-model");
        var time = json.GetProperty("reading_time");
        Assert.Equal("with-model", time.GetProperty("reference").GetString());
        Assert.True(time.GetProperty("comparisons")[0].GetProperty("ratio").GetProperty("value").GetDouble() > 1);
        var (code, _, error) = MetricsCli.Run("readers", "analyse", Example, "--reference", "aided");
        Assert.Equal(2, code);
        Assert.Contains("--reference 'aided' is not a modality", error);
    }

    [Fact]
    public void One_reader_has_no_mrmc_or_agreement_and_says_why()
    {
        var path = _cli.Csv("one.csv", "reader,case,modality,truth,score\nA,1,x,1,0.9\nA,2,x,0,0.2\nA,3,x,1,0.7\nA,4,x,0,0.4\n");
        var json = MetricsCli.Json("readers", "analyse", path);
        Assert.Contains("at least two readers", json.GetProperty("mrmc_auc").GetProperty("undefined").GetString());
        Assert.Contains("at least two readers", json.GetProperty("agreement").GetProperty("undefined").GetString());
        Assert.Equal("the file has no reading_time column", json.GetProperty("reading_time").GetProperty("undefined").GetString());
    }

    [Theory]
    [InlineData("reader,case,modality,truth\nA,1,x,1\n", "missing column 'score'")]
    [InlineData("reader,case,modality,truth,score\nA,1,x,1,0.9\nA,1,x,1,0.8\n", "line 3")]
    [InlineData("reader,case,modality,truth,score\nA,1,x,1,0.9\nB,1,x,0,0.8\n", "a case has one truth")]
    [InlineData("reader,case,modality,truth,score\nA,1,x,1,high\n", "score 'high' is not a finite number")]
    [InlineData("reader,case,modality,truth,score\nA,1,x,1,0.9\nA,2,x,0,0.1\nB,1,x,1,0.7\n", "reader 'B' has no reading of case '2' in modality 'x'")]
    [InlineData("reader,case,modality,truth,score,reading_time\nA,1,x,1,0.9,0\n", "reading_time '0' is not a positive time")]
    public void Bad_input_is_refused_naming_the_file_and_field(string csv, string expected)
    {
        var path = _cli.Csv("bad.csv", csv);
        var (code, _, error) = MetricsCli.Run("readers", "analyse", path);
        Assert.Equal(2, code);
        Assert.Contains("bad.csv", error);
        Assert.Contains(expected, error);
    }

    public void Dispose() => _cli.Dispose();
}
