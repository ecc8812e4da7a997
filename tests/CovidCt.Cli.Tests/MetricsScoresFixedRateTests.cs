using CovidCt.Metrics;

namespace CovidCt.Cli.Tests;

public sealed class MetricsScoresFixedRateTests : IDisposable
{
    private readonly MetricsCli _cli = new();

    [Fact]
    public void Json_reports_sensitivity_at_specificity_and_specificity_at_sensitivity_with_both_intervals()
    {
        var json = MetricsCli.Json("metrics", "scores", _cli.Csv("scores.csv", ClusteredScores.Csv), "--resamples", "200", "--at-specificity", "0.75", "--at-sensitivity", "1");
        var curve = Roc.FromScores(labels: ClusteredScores.Labels, scores: ClusteredScores.Scores);
        var rates = json.GetProperty("fixed_rates");
        Assert.Equal(2, rates.GetArrayLength());
        var sens = rates[0];
        var expected = FixedRate.SensitivityAtSpecificity(curve, 0.75);
        Assert.Equal("sensitivity", sens.GetProperty("rate").GetString());
        Assert.Equal(expected.Point!.Threshold, sens.GetProperty("threshold").GetDouble());
        Assert.Equal(expected.Rate.Value!.Value, sens.GetProperty("estimate").GetProperty("value").GetDouble(), 15);
        Assert.Equal(expected.Rate.Interval!.Upper, sens.GetProperty("estimate").GetProperty("ci").GetProperty("upper").GetDouble(), 15);
        Assert.Equal("patients", sens.GetProperty("bootstrap").GetProperty("unit").GetString());
        Assert.Equal(200, sens.GetProperty("bootstrap").GetProperty("resamples").GetInt32());
        var spec = rates[1];
        Assert.Equal("specificity", spec.GetProperty("rate").GetString());
        Assert.Equal(FixedRate.SpecificityAtSensitivity(curve, 1).Rate.Value!.Value, spec.GetProperty("estimate").GetProperty("value").GetDouble(), 15);
        Assert.Equal(1, spec.GetProperty("achieved").GetDouble());
    }

    [Fact]
    public void Without_a_patient_column_the_bootstrap_resamples_cases_and_without_the_options_nothing_is_listed()
    {
        var path = _cli.Csv("plain.csv", "id,label,score\na,1,0.9\nb,0,0.1\nc,1,0.4\nd,0,0.5\n");
        var json = MetricsCli.Json("metrics", "scores", path, "--at-specificity", "0.5", "--resamples", "100");
        Assert.Equal("cases", json.GetProperty("fixed_rates")[0].GetProperty("bootstrap").GetProperty("unit").GetString());
        Assert.Equal(0, MetricsCli.Json("metrics", "scores", path).GetProperty("fixed_rates").GetArrayLength());
    }

    [Theory]
    [InlineData("--at-specificity", "1.5")]
    [InlineData("--at-sensitivity", "-0.1")]
    public void A_target_outside_0_to_1_is_refused_with_exit_2(string option, string value)
    {
        var (code, _, error) = MetricsCli.Run("metrics", "scores", _cli.Csv("scores.csv", ClusteredScores.Csv), option, value);
        Assert.Equal(2, code);
        Assert.Contains($"{option} must be a rate between 0 and 1", error);
    }

    [Fact]
    public void Text_names_the_threshold_the_achieved_rate_and_both_intervals()
    {
        var (code, output, _) = MetricsCli.Run("metrics", "scores", _cli.Csv("scores.csv", ClusteredScores.Csv), "--resamples", "50", "--at-specificity", "0.75");
        Assert.Equal(0, code);
        Assert.Contains("Sensitivity at specificity ≥ 75.00%: ", output);
        Assert.Contains("(wilson, threshold fixed)", output);
        Assert.Contains("bootstrap re-choosing the threshold, 50 resamples of patients", output);
    }

    public void Dispose() => _cli.Dispose();
}
