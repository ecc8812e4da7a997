using CovidCt.Interactive.Formatting;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class RocHtmlTests
{
    [Fact]
    public void The_summary_shows_auc_class_sizes_and_the_youden_point()
    {
        // Of the 2 × 2 diseased/non-diseased pairs, 3 are ranked correctly: AUC 0.75.
        var curve = Roc.FromScores(labels: [false, false, true, true], scores: [0.1, 0.4, 0.35, 0.8]);

        var html = RocHtml.Curve(curve);

        Assert.Contains("<td>AUC</td><td class=\"n\">0.7500</td>", html);
        Assert.Contains("<td>Diseased / not diseased</td><td class=\"n\">2 / 2</td>", html);
        Assert.Contains("<td>Distinct thresholds</td><td class=\"n\">4</td>", html);
        Assert.Contains("score ≥ 0.8000: sensitivity 50.00%, specificity 100.00%", html);
    }

    [Fact]
    public void The_interval_rows_name_the_level_they_were_computed_at()
    {
        var curve = Roc.FromScores(labels: [false, false, true, true, true, false], scores: [0.1, 0.4, 0.35, 0.8, 0.6, 0.2], level: 0.90);

        Assert.Contains("<td>90% CI (DeLong, plain)</td>", RocHtml.Curve(curve));
    }

    [Fact]
    public void With_one_class_absent_the_auc_is_undefined_and_says_why()
    {
        var html = RocHtml.Curve(Roc.FromScores(labels: [true, true], scores: [0.2, 0.9]));

        Assert.Contains("<td>AUC</td><td class=\"n\"><span class=\"undefined\">undefined:", html);
        Assert.Contains("undefined: DeLong needs at least two cases of each class", html);
        Assert.Contains("undefined: sensitivity or specificity is undefined", html);
    }

    [Fact]
    public void The_paired_test_shows_both_aucs_and_the_p_value()
    {
        bool[] labels = [false, false, false, true, true, true];
        var result = DeLong.Paired([0.1, 0.2, 0.3, 0.7, 0.8, 0.9], [0.1, 0.5, 0.3, 0.4, 0.8, 0.9], labels);

        var html = RocHtml.PairedDeLong(result);

        Assert.Contains($"<td class=\"n\">{result.AucA:0.0000}</td><td class=\"n\">{result.AucB:0.0000}</td>", html);
        Assert.Contains($"<td class=\"n\">{result.PValue:0.0000}</td>", html);
        Assert.Equal(1.0, result.AucA);
    }

    [Fact]
    public void A_degenerate_auc_carries_its_caveats_under_the_table()
    {
        var html = RocHtml.Curve(Roc.FromScores(labels: [true, true, true, false, false, false], scores: [0.9, 0.8, 0.7, 0.1, 0.2, 0.3]));

        Assert.Contains("<p class=\"miss\">Caveat: zero-width interval: the classes are completely separated", html);
        Assert.Contains("<p class=\"miss\">Caveat: n below 10 per class (3 diseased, 3 not)", html);
    }
}
