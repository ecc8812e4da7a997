using System.Text.Json;

namespace CovidCt.Cli.Tests;

public sealed class MetricsCountsCommandTests
{
    [Fact]
    public void Text_output_shows_values_counts_and_intervals()
    {
        var (code, output, _) = MetricsCli.Run("metrics", "counts", "--tp", "11", "--fn", "0", "--tn", "29", "--fp", "2");
        Assert.Equal(0, code);
        Assert.Contains("93.55%", output);
        Assert.Contains("29/31", output);
        Assert.Contains("74.12–100.00%", output);
    }

    [Fact]
    public void Json_has_numerator_denominator_value_and_interval()
    {
        var sensitivity = MetricsCli.Json("metrics", "counts", "--tp", "11", "--fn", "0", "--tn", "29", "--fp", "2", "--ci", "exact").GetProperty("metrics").GetProperty("sensitivity");
        Assert.Equal(11, sensitivity.GetProperty("numerator").GetInt64());
        Assert.Equal(1.0, sensitivity.GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, sensitivity.GetProperty("undefined").ValueKind);
        Assert.Equal("clopper-pearson", sensitivity.GetProperty("ci").GetProperty("method").GetString());
        Assert.Equal(1.0, sensitivity.GetProperty("ci").GetProperty("upper").GetDouble());
    }

    [Fact]
    public void Undefined_metrics_are_null_with_a_reason()
    {
        var ppv = MetricsCli.Json("metrics", "counts", "--tp", "0", "--fn", "3", "--tn", "5", "--fp", "0").GetProperty("metrics").GetProperty("ppv");
        Assert.Equal(JsonValueKind.Null, ppv.GetProperty("value").ValueKind);
        Assert.Contains("no positive calls", ppv.GetProperty("undefined").GetString());
        Assert.Equal(JsonValueKind.Null, ppv.GetProperty("ci").ValueKind);
    }

    [Theory]
    [InlineData("--tp", "-1", "--tp must be a whole non-negative number of cases")]
    [InlineData("--level", "1.5", "--level must lie strictly between 0 and 1")]
    [InlineData("--ci", "wald", "'wald' not recognized")]
    public void Bad_options_exit_with_code_2(string option, string value, string message)
    {
        List<string> args = ["metrics", "counts", "--tp", "1", "--fn", "1", "--tn", "1", "--fp", "1"];
        var at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = value;
        else args.AddRange([option, value]);
        var (code, _, error) = MetricsCli.Run([.. args]);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Youden_balanced_accuracy_and_f1_carry_intervals_in_text_and_json()
    {
        // Newcombe 1998, Table II (d): 5/56 − 0/29 is J = Se − (1 − Sp) for TP 5, FN 51, FP 0, TN 29: −0.0381 to 0.1926.
        string[] args = ["metrics", "counts", "--tp", "5", "--fn", "51", "--tn", "29", "--fp", "0"];
        var (code, output, _) = MetricsCli.Run(args);
        Assert.Equal(0, code);
        Assert.Contains("-0.038 to 0.193", output);
        var metrics = MetricsCli.Json(args).GetProperty("metrics");
        Assert.Equal(-0.0381, Math.Round(metrics.GetProperty("youden_j").GetProperty("ci").GetProperty("lower").GetDouble(), 4));
        Assert.Equal("mover-wilson", metrics.GetProperty("balanced_accuracy").GetProperty("ci").GetProperty("method").GetString());
        Assert.Equal("wilson-jaccard", metrics.GetProperty("f1").GetProperty("ci").GetProperty("method").GetString());
    }
}
