using System.Net;
using CovidCt.Interactive.Formatting;
using CovidCt.Interactive.Workspace;
using CovidCt.Metrics;
using CovidCt.Reporting.Readers;

namespace CovidCt.Interactive.Tests.Formatting;

/// <summary>The reader-study and sample-size formatters notebook 01 shows, on the example reader study the CLI documents.</summary>
public sealed class ReaderStudyHtmlTests
{
    private static ReaderStudyReport Example() => ReaderStudyAnalysis.Analyse(ReaderStudyFile.Read(Path.Combine(NotebookWorkspace.Find().Root, "docs", "examples", "reader-study.csv")));

    [Fact]
    public void The_reader_study_shows_mrmc_kappa_and_the_reading_time_ratio_as_the_cli_prints_them()
    {
        // Text goes through HTML encoding (× becomes &#215;): read it back as the browser shows it.
        var html = WebUtility.HtmlDecode(ReaderStudyHtml.Report(Example()));

        // docs/metrics.md, "covidct readers analyse": the same figures as the console.
        Assert.Contains("3 readers × 12 cases (6 diseased) × 2 modalities: unaided, with-model", html);
        Assert.Contains("F(1, 7.55) = 7.353, p = 0.0281", html);
        Assert.Contains("reaches beyond [0, 1]", html);
        Assert.Contains("<td class=\"n\">0.778</td><td class=\"n\">0.480–1.000</td>", html);
        Assert.Contains("<td class=\"n\">0.359</td><td class=\"n\">0.314–0.409</td><td class=\"n\">−64.1%</td>", html);
    }

    [Fact]
    public void A_part_that_cannot_be_computed_says_why()
    {
        var example = Example();
        var html = WebUtility.HtmlDecode(ReaderStudyHtml.Report(example with { Mrmc = null, MrmcUndefinedReason = "one reader: no reader variance", ReadingTimes = [], ReadingTimesUndefinedReason = "no reading_time column" }));

        Assert.Contains("undefined: one reader: no reader variance", html);
        Assert.Contains("Reading time: undefined: no reading_time column", html);
    }

    [Fact]
    public void A_sample_size_shows_the_classes_it_needs_the_total_and_what_it_achieves()
    {
        var html = SampleSizeHtml.Result(SampleSize.SensitivityForWidth(0.95, 0.05, prevalence: 11.0 / 42));

        // Buderer: 1.96² · 0.95 · 0.05 / 0.05² = 72.99 → 73 diseased; 73 / (11/42) = 278.7 → 279 to enrol.
        Assert.Contains("<td class=\"n\">73</td><td class=\"n\">— (not needed for this statistic)</td><td class=\"n\">279</td>", html);
        Assert.Contains("Half-width achieved", html);
    }

    [Fact]
    public void A_test_shows_its_power_and_a_plan_without_prevalence_says_so()
    {
        Assert.Contains("Power achieved", SampleSizeHtml.Result(SampleSize.AucTest(0.9, 0.8)));
        Assert.Contains("— (no prevalence given)", SampleSizeHtml.Result(SampleSize.SensitivityForWidth(0.9, 0.05)));
    }

    [Fact]
    public void Both_results_are_registered_as_notebook_formatters()
    {
        CovidCtFormatters.Register();
        Assert.Contains("Obuchowski–Rockette", Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(Example(), CovidCtFormatters.MimeType));
        Assert.Contains("buderer", Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(SampleSize.SpecificityForWidth(0.9, 0.05), CovidCtFormatters.MimeType));
    }
}
