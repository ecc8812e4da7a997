using System.Globalization;
using System.Text;
using CovidCt.Metrics;

namespace CovidCt.Cli.Tests;

// Issue #17: clustered statistics, calibration, ratios and the bounded ROC listing of the metrics commands.
public sealed class MetricsStatisticsCommandTests : IDisposable
{
    private readonly MetricsCli _cli = new();

    [Fact]
    public void Scores_json_lists_a_bounded_number_of_thresholds_by_default()
    {
        // 1,001 distinct scores: the ROC curve has 1,002 thresholds; by default 200 are listed, with the total.
        var csv = new StringBuilder("id,label,score\n");
        for (var i = 0; i <= 1000; i++) csv.Append($"c{i},{(i % 3 == 0 ? 1 : 0)},{(i / 1000.0).ToString(CultureInfo.InvariantCulture)}\n");
        var path = _cli.Csv("many.csv", csv.ToString());
        var json = MetricsCli.Json("metrics", "scores", path);
        Assert.Equal(200, json.GetProperty("thresholds").GetArrayLength());
        Assert.Equal(200, json.GetProperty("thresholds_listed").GetInt32());
        Assert.True(json.GetProperty("threshold_count").GetInt32() > 1000);
        var all = MetricsCli.Json("metrics", "scores", path, "--thresholds", "all");
        Assert.Equal(all.GetProperty("threshold_count").GetInt32(), all.GetProperty("thresholds").GetArrayLength());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("some")]
    public void Scores_rejects_a_bad_thresholds_value(string value)
    {
        var (code, _, error) = MetricsCli.Run("metrics", "scores", _cli.Csv("scores.csv", ClusteredScores.Csv), "--thresholds", value, "--json");
        Assert.Equal(2, code);
        Assert.Contains("--thresholds", error);
    }

    [Fact]
    public void Scores_with_patients_reports_the_clustered_auc_and_proportions()
    {
        var json = MetricsCli.Json("metrics", "scores", _cli.Csv("scores.csv", ClusteredScores.Csv), "--resamples", "50");
        var expected = ClusteredAuc.Compute(ClusteredScores.Scores, ClusteredScores.Labels, ClusteredScores.Patients)!;
        Assert.Equal(expected.Variance, json.GetProperty("clustered_auc").GetProperty("variance").GetDouble(), 15);
        var clustered = json.GetProperty("operating_point").GetProperty("clustered");
        Assert.Equal("wilson-rao-scott", clustered.GetProperty("sensitivity").GetProperty("ci_clustered").GetProperty("method").GetString());
        Assert.Equal("wilson", clustered.GetProperty("sensitivity").GetProperty("ci_naive").GetProperty("method").GetString());
        // docs/metrics.md "JSON conventions": the names of evaluate's metrics.json (per_image.clustered), plus the standard error.
        Assert.Equal(["auc", "ci_clustered", "ci_logit", "ci_naive", "variance", "standard_error", "naive_variance", "design_effect", "clusters", "undefined"],
            json.GetProperty("clustered_auc").EnumerateObject().Select(p => p.Name));
        Assert.Equal("delong", json.GetProperty("clustered_auc").GetProperty("ci_naive").GetProperty("method").GetString());
        Assert.Equal(["numerator", "denominator", "value", "ci_clustered", "ci_naive", "design_effect", "effective_units", "clusters", "undefined", "caveat"],
            clustered.GetProperty("sensitivity").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["variance", "standard_error", "ci", "ci_logit"], json.GetProperty("delong").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Compare_with_patients_adds_the_clustered_tests()
    {
        var csv = _cli.Csv("compare.csv", "id,label,score_a,score_b,patient\na1,1,0.9,0.7,p1\na2,1,0.8,0.4,p1\nb1,0,0.7,0.2,p2\nb2,1,0.6,0.8,p2\nc1,0,0.3,0.5,p3\nc2,0,0.6,0.1,p3\nd1,1,0.4,0.6,p4\nd2,0,0.2,0.3,p4\n");
        var json = MetricsCli.Json("metrics", "compare", csv, "--threshold", "0.5");
        var clustered = json.GetProperty("clustered");
        Assert.Equal(4, clustered.GetProperty("patients").GetInt32());
        Assert.Equal("obuchowski", clustered.GetProperty("auc").GetProperty("difference_ci").GetProperty("method").GetString());
        Assert.True(clustered.GetProperty("sensitivity").TryGetProperty("chi_square", out _));
        var (_, text, _) = MetricsCli.Run("metrics", "compare", csv, "--threshold", "0.5");
        Assert.Contains("Durkalski", text);
    }

    [Fact]
    public void Calibration_reports_brier_slope_and_net_benefit()
    {
        var json = MetricsCli.Json("metrics", "calibration", _cli.Csv("p.csv", "id,label,score\na,1,0.9\nb,0,0.2\nc,1,0.6\nd,0,0.4\ne,1,0.3\nf,0,0.1\n"), "--net-benefit-at", "0.5");
        Assert.Equal((0.01 + 0.04 + 0.16 + 0.16 + 0.49 + 0.01) / 6, json.GetProperty("brier").GetDouble(), 15);
        Assert.Equal(10, json.GetProperty("reliability").GetArrayLength());
        // At 0.5: TP 2 (0.9, 0.6), FP 0: net benefit 2/6.
        Assert.Equal(2.0 / 6, json.GetProperty("decision_curve")[0].GetProperty("net_benefit").GetDouble(), 15);
    }

    [Fact]
    public void Calibration_rejects_a_score_that_is_not_a_probability()
    {
        var (code, _, error) = MetricsCli.Run("metrics", "calibration", _cli.Csv("p.csv", "id,label,score\na,1,0.9\nb,0,1.2\n"));
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("case 'b'", error);
    }

    [Fact]
    public void Ratios_correct_a_zero_cell_and_say_so()
    {
        var json = MetricsCli.Json("metrics", "ratios", "--tp", "11", "--fn", "0", "--tn", "29", "--fp", "2", "--prevalence", "0.1");
        var dor = json.GetProperty("diagnostic_odds_ratio");
        Assert.True(dor.GetProperty("zero_cell_corrected").GetBoolean());
        Assert.Equal(11.5 * 29.5 / (2.5 * 0.5), dor.GetProperty("estimate").GetProperty("value").GetDouble(), 12);
        Assert.True(json.TryGetProperty("ppv_at_prevalence", out _));
    }

    public void Dispose() => _cli.Dispose();
}
