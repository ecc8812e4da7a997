using CovidCt.Interactive.Formatting;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class ComparisonHtmlTests
{
    [Fact]
    public void McNemar_shows_discordant_pairs_with_exact_and_mid_p()
    {
        // Fagerland, Lydersen and Laake (2013): b = 1, c = 7 gives exact p 0.070 and mid-p 0.039.
        var html = ComparisonHtml.McNemar(McNemar.Exact(1, 7, cases: 20));

        Assert.Contains("<td class=\"n\">20</td><td class=\"n\">1</td><td class=\"n\">7</td><td class=\"n\">0.0703</td><td class=\"n\">0.0391</td>", html);
    }

    [Fact]
    public void Paired_decisions_get_one_row_for_sensitivity_and_one_for_specificity()
    {
        bool[] labels = [true, true, true, false, false];
        var comparison = McNemar.CompareDecisions([true, false, true, false, true], [true, true, true, false, false], labels);

        var html = ComparisonHtml.Decisions(comparison);

        Assert.Contains("<td>Sensitivity (diseased)</td><td class=\"n\">3</td><td class=\"n\">0</td><td class=\"n\">1</td>", html);
        Assert.Contains("<td>Specificity (not diseased)</td><td class=\"n\">2</td><td class=\"n\">0</td><td class=\"n\">1</td>", html);
    }
}
