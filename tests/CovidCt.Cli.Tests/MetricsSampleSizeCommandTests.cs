namespace CovidCt.Cli.Tests;

// Issue #17 item 7: covidct metrics samplesize; the numbers are those of References/power.R in the metrics tests.
public sealed class MetricsSampleSizeCommandTests
{
    [Fact]
    public void Sensitivity_width_gives_the_buderer_count_and_total()
    {
        var json = MetricsCli.Json("metrics", "samplesize", "--statistic", "sensitivity", "--expected", "0.9", "--half-width", "0.05", "--prevalence", "0.1");
        Assert.Equal(139, json.GetProperty("diseased").GetInt64());
        Assert.Equal(1390, json.GetProperty("total").GetInt64());
        Assert.Equal("buderer", json.GetProperty("method").GetString());
    }

    [Fact]
    public void Auc_test_gives_the_hanley_mcneil_count_and_its_power()
    {
        var json = MetricsCli.Json("metrics", "samplesize", "--statistic", "auc", "--expected", "0.85", "--null", "0.75");
        Assert.Equal(83, json.GetProperty("diseased").GetInt64());
        Assert.Equal(0.80405498240637, json.GetProperty("power").GetDouble(), 12);
    }

    [Fact]
    public void Specificity_test_counts_non_diseased_cases_and_enrols_by_one_minus_prevalence()
    {
        var json = MetricsCli.Json("metrics", "samplesize", "--statistic", "specificity", "--expected", "0.9", "--null", "0.8", "--prevalence", "0.2");
        Assert.Equal(108, json.GetProperty("non_diseased").GetInt64());
        Assert.Equal(135, json.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("--expected", "0.9", "exactly one of --half-width")]
    [InlineData("--expected", "1.2", "--expected")]
    public void Bad_options_exit_2_naming_the_option(string name, string value, string expected)
    {
        string[] args = expected == "--expected"
            ? ["metrics", "samplesize", "--statistic", "sensitivity", name, value, "--half-width", "0.05"]
            : ["metrics", "samplesize", "--statistic", "sensitivity", name, value];
        var (code, _, error) = MetricsCli.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
    }
}
