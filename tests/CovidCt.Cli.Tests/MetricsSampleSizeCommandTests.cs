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

    // Obuchowski, Lieber and Wians 2004 (Clin Chem 50:1118), Table 4: one-sided α 0.05, power 0.9, AUC 0.7: 33 and 33 cases at
    // κ = 1, 25 and 50 at κ = 2 (SampleSizeTests in the metrics tests checks every cell).
    [Theory]
    [InlineData("1", 33, 33)]
    [InlineData("2", 25, 50)]
    public void The_binormal_auc_variance_against_chance_gives_the_published_table(string ratio, long diseased, long nonDiseased)
    {
        var json = MetricsCli.Json("metrics", "samplesize", "--statistic", "auc", "--expected", "0.7", "--null", "0.5", "--auc-variance", "binormal", "--one-sided",
            "--power", "0.9", "--ratio", ratio);
        Assert.Equal(diseased, json.GetProperty("diseased").GetInt64());
        Assert.Equal(nonDiseased, json.GetProperty("non_diseased").GetInt64());
        Assert.Equal("obuchowski-2004", json.GetProperty("method").GetString());
    }

    [Theory]
    [InlineData("--auc-variance binormal tests an AUC against chance", "--statistic", "auc", "--expected", "0.7", "--null", "0.6", "--auc-variance", "binormal")]
    [InlineData("--one-sided applies to --auc-variance binormal only", "--statistic", "auc", "--expected", "0.7", "--null", "0.5", "--one-sided")]
    public void The_binormal_variance_is_refused_where_it_does_not_apply(string expected, params string[] options)
    {
        var (code, _, error) = MetricsCli.Run(["metrics", "samplesize", .. options]);
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
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
