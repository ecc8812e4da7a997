using CovidCt.Interactive.Formatting;
using CovidCt.Metrics;
using Microsoft.DotNet.Interactive.Formatting;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class CovidCtFormattersTests
{
    [Fact]
    public void Registered_formatters_produce_the_library_html()
    {
        CovidCtFormatters.Register();
        var metrics = DiagnosticMetrics.Compute(new ConfusionCounts(11, 2, 29, 0));
        var solved = ChenEtAl2020.RetrospectivePerPatient.SolveWithClassSizes();

        Assert.Equal(MetricsHtml.Metrics(metrics), Formatter.ToDisplayString(metrics, CovidCtFormatters.MimeType));
        Assert.Equal(SolverHtml.Result(solved), Formatter.ToDisplayString(solved, CovidCtFormatters.MimeType));
        Assert.Equal(MetricsHtml.Counts(metrics.Counts), Formatter.ToDisplayString(metrics.Counts, CovidCtFormatters.MimeType));
    }
}
