using CovidCt.Reporting.Plots;

namespace CovidCt.Interactive.Formatting;

/// <summary>
/// A chart in a notebook, offline: the first chart a kernel displays carries plotly.js (the copy Plotly.NET ships), later
/// ones use it, as one notebook's outputs share one page in VS Code, Jupyter and the saved .ipynb.
/// </summary>
public static class ChartHtml
{
    private static int _scriptSent;
    private static int _charts;

    /// <summary>The chart's <c>div</c> and drawing script, preceded by plotly.js the first time in this process.</summary>
    public static string Figure(PlotlyFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var script = Interlocked.Exchange(ref _scriptSent, 1) == 0 ? PlotlyHtml.Script : "";
        return script + PlotlyHtml.Chart(figure, $"covidct-chart-{Environment.ProcessId}-{Interlocked.Increment(ref _charts)}");
    }
}
