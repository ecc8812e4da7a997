namespace CovidCt.Cli.Tests;

/// <summary>
/// A tiny run of <c>metrics coverage</c> (docs/metrics.md has the 1,000-dataset table): with 60 datasets a 95% interval's
/// coverage has a Monte-Carlo SE of about 3 points, so every interval meant for the design must cover in at least 80% of
/// datasets; a broken interval (wrong variance, wrong truth) falls far below that.
/// </summary>
public sealed class MetricsCoverageCommandTests
{
    [Fact]
    public void Intervals_meant_for_each_design_hold_their_level_roughly_on_a_tiny_run()
    {
        var designs = MetricsCli.Json("metrics", "coverage", "--datasets", "60", "--seed", "5").GetProperty("designs").EnumerateArray().ToArray();
        Assert.Equal(2, designs.Length);
        foreach (var design in designs)
        {
            var clustered = design.GetProperty("design").GetString()!.StartsWith("clustered", StringComparison.Ordinal);
            var rows = design.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("rate").GetDouble());
            string[] valid = clustered
                ? ["Sensitivity: Rao–Scott Wilson (clustered)", "Youden's J: patient bootstrap", "F1: patient bootstrap",
                   "Sensitivity at specificity ≥ 0.8: bootstrap re-choosing the threshold", "Lesion hit rate: Rao–Scott Wilson (clustered by patient)"]
                : ["Youden's J and balanced accuracy: MOVER-Wilson (independent images)", "F1: Wilson on the Jaccard index (independent images)",
                   "Lesion hit rate: Wilson (lesions independent)", "Lesion hit rate: Rao–Scott Wilson (clustered by patient)"];
            foreach (var name in valid) Assert.True(rows[name] >= 0.8, $"{design.GetProperty("design").GetString()}: {name} covered {rows[name]:P1}");
        }
    }
}
