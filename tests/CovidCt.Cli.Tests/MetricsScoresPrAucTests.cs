using System.Text.Json;
using CovidCt.Metrics;

namespace CovidCt.Cli.Tests;

public sealed class MetricsScoresPrAucTests : IDisposable
{
    private readonly MetricsCli _cli = new();

    [Fact]
    public void Json_reports_average_precision_its_baseline_and_a_patient_bootstrap()
    {
        var json = MetricsCli.Json("metrics", "scores", _cli.Csv("scores.csv", ClusteredScores.Csv), "--resamples", "200");
        var expected = PrecisionRecall.AveragePrecision(labels: ClusteredScores.Labels, scores: ClusteredScores.Scores);
        var pr = json.GetProperty("pr_auc");
        var ap = pr.GetProperty("average_precision");
        Assert.Equal(expected.AveragePrecision.Value!.Value, ap.GetProperty("value").GetDouble(), 15);
        Assert.Equal(expected.AveragePrecision.Interval!.Lower, ap.GetProperty("ci").GetProperty("lower").GetDouble(), 15);
        Assert.Equal(0.5, pr.GetProperty("baseline").GetDouble());
        Assert.Equal(200, pr.GetProperty("patient_bootstrap").GetProperty("resamples").GetInt32());
    }

    [Fact]
    public void Without_a_patient_column_there_is_no_pr_auc_bootstrap()
    {
        var json = MetricsCli.Json("metrics", "scores", _cli.Csv("plain.csv", "id,label,score\na,1,0.9\nb,0,0.1\nc,1,0.4\nd,0,0.5\n"));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("pr_auc").GetProperty("patient_bootstrap").ValueKind);
        // Ranked 1, 0, 1, 0 from the top: precision 1 at recall ½, 2/3 at recall 1.
        Assert.Equal((1 + 2.0 / 3) / 2, json.GetProperty("pr_auc").GetProperty("average_precision").GetProperty("value").GetDouble(), 15);
    }

    [Fact]
    public void Text_names_pr_auc_and_its_prevalence_baseline()
    {
        var (code, output, _) = MetricsCli.Run("metrics", "scores", _cli.Csv("scores.csv", ClusteredScores.Csv), "--resamples", "50");
        Assert.Equal(0, code);
        Assert.Contains("PR-AUC (average precision) ", output);
        Assert.Contains("baseline (prevalence) 0.5000", output);
        Assert.Contains("patient bootstrap", output);
    }

    public void Dispose() => _cli.Dispose();
}
