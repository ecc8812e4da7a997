using CovidCt.Metrics;

namespace CovidCt.Cli.Tests;

public sealed class MetricsCompareCommandTests : IDisposable
{
    private readonly MetricsCli _cli = new();

    [Fact]
    public void Json_reports_paired_delong_and_mcnemar_for_sensitivity_and_specificity()
    {
        var path = _cli.Csv("pair.csv", """
            id,label,score_a,score_b
            1,1,0.9,0.4
            2,1,0.8,0.7
            3,1,0.3,0.6
            4,0,0.2,0.1
            5,0,0.6,0.3
            6,0,0.1,0.8
            """);
        var json = MetricsCli.Json("metrics", "compare", path, "--threshold", "0.5");
        bool[] labels = [true, true, true, false, false, false];
        var expected = DeLong.Paired([0.9, 0.8, 0.3, 0.2, 0.6, 0.1], [0.4, 0.7, 0.6, 0.1, 0.3, 0.8], labels);
        var delong = json.GetProperty("delong");
        Assert.Equal(expected.AucA, delong.GetProperty("auc_a").GetDouble(), 15);
        Assert.Equal(expected.PValue, delong.GetProperty("p_value").GetDouble(), 15);
        // Decisions at 0.5 — A: 1,1,0 | 0,1,0; B: 0,1,1 | 0,0,1.
        var sensitivity = json.GetProperty("mcnemar").GetProperty("sensitivity");
        Assert.Equal(1, sensitivity.GetProperty("only_a_correct").GetInt64());
        Assert.Equal(1, sensitivity.GetProperty("only_b_correct").GetInt64());
        Assert.Equal(1.0, sensitivity.GetProperty("p_value").GetDouble());
        var specificity = json.GetProperty("mcnemar").GetProperty("specificity");
        Assert.Equal(1, specificity.GetProperty("only_a_correct").GetInt64());
        Assert.Equal(1, specificity.GetProperty("only_b_correct").GetInt64());
    }

    [Fact]
    public void Missing_second_score_column_exits_2()
    {
        var (code, _, error) = MetricsCli.Run("metrics", "compare", _cli.Csv("one.csv", "id,label,score_a\n1,1,0.5\n"), "--threshold", "0.5");
        Assert.Equal(2, code);
        Assert.Contains("'score_b'", error);
    }

    public void Dispose() => _cli.Dispose();
}
