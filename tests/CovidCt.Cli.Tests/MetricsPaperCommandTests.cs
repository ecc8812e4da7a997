namespace CovidCt.Cli.Tests;

public sealed class MetricsPaperCommandTests
{
    [Fact]
    public void Json_pairs_each_published_table_with_recomputed_counts_and_findings()
    {
        var json = MetricsCli.Json("paper");
        var tables = json.GetProperty("tables").EnumerateArray().ToArray();
        Assert.Equal(["retrospective-per-patient", "retrospective-per-image", "prospective-per-patient"], tables.Select(t => t.GetProperty("key").GetString()));
        Assert.True(tables[0].GetProperty("counts_exact").GetBoolean());
        Assert.Equal(29, tables[0].GetProperty("counts").GetProperty("tn").GetInt64());
        Assert.Equal(29.0 / 31, tables[0].GetProperty("recomputed").GetProperty("specificity").GetProperty("value").GetDouble(), 15);
        Assert.False(tables[1].GetProperty("counts_exact").GetBoolean());
        Assert.Equal(2, tables[1].GetProperty("searches").GetArrayLength());
        Assert.Equal(16, tables[2].GetProperty("counts").GetProperty("tp").GetInt64());
        Assert.Contains(json.GetProperty("findings").EnumerateArray(), f => f.GetString()!.Contains("13,751"));
    }

    [Fact]
    public void Text_states_the_per_image_finding_plainly()
    {
        var (code, output, _) = MetricsCli.Run("paper");
        Assert.Equal(0, code);
        Assert.Contains("NO table reproduces every published figure", output);
        Assert.Contains("no confusion table of the 13,751 test images reproduces all five published percentages", output);
        Assert.Contains("74.12–100.00%", output);
    }
}
