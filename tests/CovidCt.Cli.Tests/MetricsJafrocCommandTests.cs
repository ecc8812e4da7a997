using System.Text.Json;

namespace CovidCt.Cli.Tests;

/// <summary><c>metrics jafroc</c>: the lesion-mark file, both figures of merit, the paired comparison, and refused input.</summary>
public sealed class MetricsJafrocCommandTests : IDisposable
{
    // JafrocTests' hand example: normal n1's highest mark 0.7 (0.2 ignored), n2 unmarked; d1's lesions 0.7 (tie, ½) and
    // 0.9, its non-lesion mark 0.99 ignored; d2's lesion 0.5. wAFROC (0.5·½ + 0.5·1 + 0 + 1 + 1)/(2·2) = 0.6875; AFROC 4.5/6 = 0.75.
    private const string A = "id,lesion,score\nn1,,0.2\nn1,,0.7\nn2,,\nd1,a,0.7\nd1,b,0.9\nd1,,0.99\nd2,a,0.5\n";

    // B rates the same cases but misses d1's lesion b: wAFROC (0.5·½ + 0 + 0 + 0.5·½ + 0.5 + 1)/4 = 0.5.
    private const string B = "id,lesion,score\nn1,,0.7\nn2,,\nd1,a,0.7\nd1,b,\nd2,a,0.5\n";

    private readonly MetricsCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void One_file_gives_both_figures_with_jackknife_intervals()
    {
        var json = MetricsCli.Json("metrics", "jafroc", _cli.Csv("a.csv", A));
        Assert.Equal(4, json.GetProperty("cases").GetInt32());
        Assert.Equal(3, json.GetProperty("lesions").GetInt32());
        Assert.Equal("case", json.GetProperty("cluster_unit").GetString());
        var weighted = json.GetProperty("wafroc").GetProperty("figure_of_merit");
        Assert.Equal(0.6875, weighted.GetProperty("value").GetDouble(), 15);
        Assert.Equal("jackknife", weighted.GetProperty("ci").GetProperty("method").GetString());
        Assert.Equal(0.75, json.GetProperty("afroc").GetProperty("figure_of_merit").GetProperty("value").GetDouble(), 15);
        var (code, text, _) = MetricsCli.Run("metrics", "jafroc", _cli.Csv("a.csv", A));
        Assert.Equal(0, code);
        Assert.Contains("wAFROC 0.6875 (95% CI", text, StringComparison.Ordinal);
        Assert.Contains("jackknife over 4 cases", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_are_compared_case_by_case()
    {
        var json = MetricsCli.Json("metrics", "jafroc", _cli.Csv("a.csv", A), _cli.Csv("b.csv", B));
        Assert.Equal(0.5, json.GetProperty("b").GetProperty("wafroc").GetProperty("figure_of_merit").GetProperty("value").GetDouble(), 15);
        var comparison = json.GetProperty("comparison").GetProperty("wafroc");
        Assert.Equal(0.1875, comparison.GetProperty("difference").GetDouble(), 15);
        Assert.Equal(3, comparison.GetProperty("degrees_of_freedom").GetDouble());
        Assert.True(comparison.GetProperty("p_value").GetDouble() is > 0 and <= 1);
        Assert.Equal(JsonValueKind.Null, comparison.GetProperty("undefined").ValueKind);
        var (_, text, _) = MetricsCli.Run("metrics", "jafroc", _cli.Csv("a.csv", A), _cli.Csv("b.csv", B));
        Assert.Contains("0.6875 − 0.5000 = +0.1875", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patient_column_makes_the_jackknife_leave_out_patients()
    {
        var csv = _cli.Csv("p.csv", "id,lesion,score,patient\nn1,,0.7,p1\nn2,,,p2\nd1,a,0.7,p1\nd1,b,0.9,p1\nd2,a,0.5,p2\nn3,,0.1,p3\nd3,a,0.3,p3\n");
        var json = MetricsCli.Json("metrics", "jafroc", csv);
        Assert.Equal("patient", json.GetProperty("cluster_unit").GetString());
        Assert.Equal(3, json.GetProperty("clusters").GetInt32());
    }

    [Fact]
    public void Without_a_normal_case_the_figure_is_undefined_with_the_reason()
    {
        var json = MetricsCli.Json("metrics", "jafroc", _cli.Csv("d.csv", "id,lesion,score\nd1,a,0.5\n"));
        var fom = json.GetProperty("wafroc").GetProperty("figure_of_merit");
        Assert.Equal(JsonValueKind.Null, fom.GetProperty("value").ValueKind);
        Assert.Contains("no normal case", fom.GetProperty("undefined").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,lesion,score\nn1,,high\n", "score 'high' is not a finite number")]
    [InlineData("id,lesion,score,weight\nn1,,0.5,1\n", "weight is set on a row without a lesion")]
    [InlineData("id,lesion,score\nd1,a,0.5\nd1,a,0.6\n", "lesion 'a' of case 'd1' repeats line 2")]
    [InlineData("id,lesion,score,patient\nd1,a,0.5,p1\nd1,b,0.6,p2\n", "patient 'p2' differs from 'p1'")]
    [InlineData("id,lesion,score,weight\nd1,a,0.5,0.5\nd1,b,0.6,0.4\n", "its lesion weights sum to 0.9")]
    [InlineData("id,score\nn1,0.5\n", "lesion")]
    public void Bad_files_exit_with_code_2_naming_the_problem(string content, string message)
    {
        var path = _cli.Csv("bad.csv", content);
        var (code, _, error) = MetricsCli.Run("metrics", "jafroc", path);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("bad.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_with_different_truth_are_refused()
    {
        var (code, _, error) = MetricsCli.Run("metrics", "jafroc", _cli.Csv("a.csv", A), _cli.Csv("b.csv", "id,lesion,score\nn1,,0.7\nn2,,\nd1,a,0.7\nd2,a,0.5\n"));
        Assert.Equal(2, code);
        Assert.Contains("b.csv", error, StringComparison.Ordinal);
        Assert.Contains("case 'd1' has 2 lesion(s) in A but 1 in B", error, StringComparison.Ordinal);
    }
}
