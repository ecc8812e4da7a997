using System.Text.Json.Nodes;

namespace CovidCt.Reporting.Plots;

/// <summary>
/// One chart as plotly.js draws it (<c>{ data, layout }</c>), with its title: what <see cref="Charts"/> returns, what the
/// notebooks display, what the file-based apps' pages embed and what <see cref="ChartExport"/> writes as PNG or SVG.
/// </summary>
public sealed class PlotlyFigure
{
    private readonly JsonObject _figure;

    internal PlotlyFigure(JsonObject figure)
    {
        _figure = figure;
        Title = figure["layout"]?["title"]?["text"]?.GetValue<string>() ?? throw new ArgumentException("every chart carries a title", nameof(figure));
    }

    /// <summary>The title drawn above the chart.</summary>
    public string Title { get; }

    /// <summary>The figure as JSON, <c>{"data": [...], "layout": {...}}</c>, ready for <c>Plotly.newPlot(div, figure.data, figure.layout)</c>.</summary>
    public string ToJson() => _figure.ToJsonString();

    /// <inheritdoc />
    public override string ToString() => Title;
}
