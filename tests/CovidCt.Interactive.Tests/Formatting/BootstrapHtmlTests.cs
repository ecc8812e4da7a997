using CovidCt.Interactive.Formatting;
using CovidCt.Metrics;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class BootstrapHtmlTests
{
    [Fact]
    public void Shows_value_interval_resamples_and_seed_as_one_row()
    {
        var html = BootstrapHtml.Result(new BootstrapResult(0.912, new ConfidenceInterval(0.85, 0.96, 0.95, "percentile"), 2000, 0, 42));

        Assert.Contains("<th>95% interval (percentile)</th>", html);
        Assert.Contains("<td class=\"n\">0.912</td><td class=\"n\">0.850–0.960</td><td class=\"n\">2,000</td><td class=\"n\">0</td><td class=\"n\">42</td>", html);
        Assert.DoesNotContain("Zero-width", html);
        Assert.DoesNotContain("resamples left the metric undefined", html);
    }

    [Fact]
    public void Flags_a_zero_width_interval_and_undefined_resamples()
    {
        var html = BootstrapHtml.Result(new BootstrapResult(1.0, new ConfidenceInterval(1.0, 1.0, 0.95, "percentile"), 1000, 37, 1));

        Assert.Contains("Zero-width interval", html);
        Assert.Contains("37 of 1,000 resamples left the metric undefined", html);
    }

    [Fact]
    public void An_undefined_value_and_interval_say_so()
    {
        var html = BootstrapHtml.Result(new BootstrapResult(null, null, 500, 500, 7));

        Assert.Contains("undefined: undefined on the original data", html);
        Assert.Contains("undefined: undefined in every resample", html);
    }

    [Fact]
    public void Is_registered_for_html()
    {
        CovidCtFormatters.Register();

        Assert.Contains("<th>Undefined resamples</th>", Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(new BootstrapResult(0.5, null, 10, 0, 3), CovidCtFormatters.MimeType));
    }
}
