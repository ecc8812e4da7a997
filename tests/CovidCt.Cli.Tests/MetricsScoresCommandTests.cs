using System.Text.Json;
using CovidCt.Metrics;

namespace CovidCt.Cli.Tests;

public sealed class MetricsScoresCommandTests : IDisposable
{
    private readonly MetricsCli _cli = new();

    [Fact]
    public void Json_reports_the_auc_thresholds_and_patient_bootstrap()
    {
        var json = MetricsCli.Json("metrics", "scores", _cli.Csv("scores.csv", ClusteredScores.Csv), "--resamples", "200");
        var roc = Roc.FromScores(labels: ClusteredScores.Labels, scores: ClusteredScores.Scores);
        Assert.Equal(roc.Auc.Value!.Value, json.GetProperty("auc").GetProperty("value").GetDouble(), 15);
        Assert.Equal(roc.DeLong!.Variance, json.GetProperty("delong").GetProperty("variance").GetDouble(), 15);
        Assert.Equal(7, json.GetProperty("thresholds").GetArrayLength());
        Assert.Equal(4, json.GetProperty("patients").GetInt32());
        var point = json.GetProperty("operating_point");
        Assert.Equal("youden", point.GetProperty("source").GetString());
        Assert.Equal(roc.YoudenOptimal()!.Threshold, point.GetProperty("threshold").GetDouble());
        Assert.Equal(200, point.GetProperty("bootstrap").GetProperty("resamples").GetInt32());
        Assert.True(point.GetProperty("bootstrap").GetProperty("metrics").GetProperty("sensitivity").TryGetProperty("undefined_resamples", out _));
    }

    [Fact]
    public void Without_a_patient_column_there_is_no_bootstrap()
    {
        var path = _cli.Csv("plain.csv", "id,label,score\na,1,0.9\nb,0,0.1\nc,1,0.4\nd,0,0.5\n");
        var json = MetricsCli.Json("metrics", "scores", path, "--threshold", "0.45");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("patients").ValueKind);
        Assert.Equal("option", json.GetProperty("operating_point").GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("operating_point").GetProperty("bootstrap").ValueKind);
        Assert.Equal(0.75, json.GetProperty("auc").GetProperty("value").GetDouble());
    }

    [Fact]
    public void Text_output_names_the_auc_and_the_operating_point()
    {
        var (code, output, _) = MetricsCli.Run("metrics", "scores", _cli.Csv("scores.csv", ClusteredScores.Csv), "--resamples", "50");
        Assert.Equal(0, code);
        // 12.5 of 16 pairs ordered correctly (one tie at 0.6).
        Assert.Contains("AUC 0.7813", output);
        Assert.Contains("Youden-optimal", output);
        Assert.Contains("Patient-bootstrap intervals (50 resamples of 4 patients", output);
    }

    [Theory]
    [InlineData("id,label\na,1\n", "line 1", "'score'")]
    [InlineData("id,label,score\na,1,high\n", "line 2", "'score'")]
    [InlineData("id,label,score\na,1,0.5\nb,yes,0.5\n", "line 3", "'label'")]
    [InlineData("id,label,score\na,1,0.5\na,0,0.2\n", "line 3", "'id'")]
    [InlineData("id,label,score,patient\na,1,0.5,\n", "line 2", "'patient'")]
    public void Bad_csv_exits_2_naming_file_line_and_column(string content, string line, string column)
    {
        var path = _cli.Csv("bad.csv", content);
        var (code, _, error) = MetricsCli.Run("metrics", "scores", path);
        Assert.Equal(2, code);
        Assert.Contains(path, error);
        Assert.Contains(line, error);
        Assert.Contains(column, error);
    }

    [Fact]
    public void Empty_file_exits_2()
    {
        var path = _cli.Csv("empty.csv", "");
        var (code, _, error) = MetricsCli.Run("metrics", "scores", path);
        Assert.Equal(2, code);
        Assert.Contains("empty", error);
    }

    public void Dispose() => _cli.Dispose();
}
