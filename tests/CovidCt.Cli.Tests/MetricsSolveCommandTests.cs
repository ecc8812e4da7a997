namespace CovidCt.Cli.Tests;

public sealed class MetricsSolveCommandTests
{
    [Fact]
    public void Per_patient_figures_with_class_sizes_have_one_exact_table()
    {
        var json = MetricsCli.Json("metrics", "solve", "--sens", "100", "--spec", "93.55", "--acc", "95.24", "--ppv", "84.62", "--npv", "100",
            "--decimals", "2", "--positives", "11", "--negatives", "31");
        var only = Assert.Single(json.GetProperty("exact").EnumerateArray());
        Assert.Equal((11, 0, 29, 2), (only.GetProperty("tp").GetInt64(), only.GetProperty("fn").GetInt64(), only.GetProperty("tn").GetInt64(), only.GetProperty("fp").GetInt64()));
        Assert.Equal(0, json.GetProperty("closest").GetArrayLength());
    }

    [Fact]
    public void Per_image_figures_with_the_total_have_no_exact_table()
    {
        var (code, output, _) = MetricsCli.Run("metrics", "solve", "--sens", "94.34", "--spec", "99.16", "--acc", "98.85", "--ppv", "88.37", "--npv", "99.61",
            "--decimals", "2", "--total", "13751");
        Assert.Equal(0, code);
        Assert.Contains("No table of 13,751 cases in total reproduces every figure", output);
        Assert.Contains("12,756", output);
    }

    [Theory]
    [InlineData("--positives", "11")]
    [InlineData("--total", "42", "--positives", "11")]
    public void An_incomplete_or_conflicting_constraint_exits_2(params string[] constraint)
    {
        var (code, _, error) = MetricsCli.Run(["metrics", "solve", "--sens", "100", "--spec", "93.55", .. constraint]);
        Assert.Equal(2, code);
        Assert.Contains("--total", error);
    }

    [Fact]
    public void More_decimals_than_stated_exits_2()
    {
        var (code, _, error) = MetricsCli.Run("metrics", "solve", "--sens", "94.345", "--spec", "99.16", "--decimals", "2", "--total", "100");
        Assert.Equal(2, code);
        Assert.Contains("more than 2 decimals", error);
    }
}
