using System.Text.Json;
using System.Text.RegularExpressions;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting.Explorer;

namespace CovidCt.Reporting.Tests.Explorer;

public sealed partial class OperatingPointExplorerTests
{
    [Fact]
    public void The_fragment_is_self_contained_and_carries_every_settings_counts()
    {
        var sweep = SyntheticSweep.Result();
        var html = OperatingPointExplorer.Html(sweep, elementId: "x1");

        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.Contains("id=\"x1\"", html);
        var data = JsonDocument.Parse(DataScript().Match(html).Groups[1].Value).RootElement;
        Assert.Equal(sweep.Rows.Count, data.GetProperty("patient").GetArrayLength());
        for (var i = 0; i < sweep.Rows.Count; i++)
        {
            var c = sweep.Rows[i].Image.Counts;
            Assert.Equal([c.TruePositives, c.FalsePositives, c.TrueNegatives, c.FalseNegatives], data.GetProperty("image")[i].EnumerateArray().Select(v => v.GetInt64()));
        }
        // The study's setting is in the grid, so the explorer starts there.
        Assert.Equal(sweep.Rows.ToList().FindIndex(r => r.Setting.IsStudyDefault), data.GetProperty("study").GetInt32());
        Assert.Equal(1, data.GetProperty("start").GetProperty("threshold").GetInt32());
    }

    [Fact]
    public void Two_explorers_on_one_page_get_distinct_roots()
    {
        var sweep = SyntheticSweep.Result(patients: 2);
        Assert.NotEqual(RootId().Match(OperatingPointExplorer.Html(sweep)).Value, RootId().Match(OperatingPointExplorer.Html(sweep)).Value);
    }

    [GeneratedRegex("(src|href)=\"?(https?:)?//|cdn\\.", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("<script type=\"application/json\" class=\"cx-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataScript();

    [GeneratedRegex("id=\"covidct-explorer-[0-9a-f]+\"")]
    private static partial Regex RootId();
}
