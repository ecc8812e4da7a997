using System.Text.Json.Nodes;
using CovidCt.Metrics;
using CovidCt.Reporting.Plots;

namespace CovidCt.Interactive.Tests.Charts;

public sealed class ChartsTests
{
    private static readonly RocCurve Curve = Roc.FromScores(labels: [true, true, false, true, false, false], scores: [0.9, 0.8, 0.7, 0.4, 0.3, 0.2]);

    private static double Last(JsonNode values) => values.AsArray()[values.AsArray().Count - 1]!.GetValue<double>();

    private static JsonNode Json(PlotlyFigure figure) => JsonNode.Parse(figure.ToJson())!;

    [Fact]
    public void A_heatmap_colour_scale_is_fixed_to_zero_to_one_even_when_every_cell_is_one()
    {
        var figure = Json(Reporting.Plots.Charts.Heatmap("sensitivity", [0.3, 0.5], [1, 2], [[1.0, 1.0], [1.0, null]], "threshold", "k", "sensitivity"));

        var trace = figure["data"]![0]!;
        Assert.Equal(0, trace["zmin"]!.GetValue<double>());
        Assert.Equal(1, trace["zmax"]!.GetValue<double>());
        Assert.False(trace["zauto"]!.GetValue<bool>());
        Assert.Equal("undefined", trace["text"]![1]![1]!.GetValue<string>());
    }

    [Fact]
    public void A_heatmap_refuses_a_value_that_is_not_a_proportion()
    {
        var error = Assert.Throws<ArgumentException>(() => Reporting.Plots.Charts.Heatmap("t", [0.3], [1], [[1.5]], "x", "y", "sensitivity"));
        Assert.Contains("1.5, outside [0, 1]", error.Message);
    }

    [Fact]
    public void Every_chart_has_its_title_and_its_legend_below_the_plot_area()
    {
        var bins = ReliabilityCurve.Compute([0.1, 0.2, 0.8, 0.9], [false, false, true, true], bins: 5);
        var froc = FrocCurve.FromMarks([0.9, null, 0.6], [0.7, 0.2], images: 4);
        PlotlyFigure[] figures =
        [
            Reporting.Plots.Charts.Roc("ROC title", ("model", Curve)),
            Reporting.Plots.Charts.Froc("FROC title", ("model", froc)),
            Reporting.Plots.Charts.Calibration("Calibration title", bins),
            Reporting.Plots.Charts.Heatmap("Heatmap title", [0.3], [1], [[0.5]], "x", "y", "specificity"),
            Reporting.Plots.Charts.Lines("Lines title", "n", "percent", ("a", [1.0, 2.0], [3.0, 4.0])),
        ];
        foreach (var figure in figures)
        {
            var layout = Json(figure)["layout"]!;
            Assert.EndsWith(" title", layout["title"]!["text"]!.GetValue<string>());
            Assert.Equal(figure.Title, layout["title"]!["text"]!.GetValue<string>());
            Assert.True(layout["legend"]!["y"]!.GetValue<double>() < 0, $"{figure.Title}: the legend sits below the x axis");
        }
    }

    [Fact]
    public void A_roc_curve_carries_a_wilson_band_of_its_sensitivity_and_its_auc_in_the_legend()
    {
        var data = Json(Reporting.Plots.Charts.Roc("ROC", ("unetpp-v2", Curve)))["data"]!.AsArray();

        var upper = data.Single(t => t!["fill"]?.GetValue<string>() == "tonexty")!;
        var line = data.Single(t => t!["name"]!.GetValue<string>().StartsWith("unetpp-v2 (AUC", StringComparison.Ordinal))!;
        // At the last point (everything positive) sensitivity is 3/3; Wilson's upper bound is 1 and its lower bound 0.4385.
        Assert.Equal(1.0, Last(line["y"]!));
        Assert.Equal(0.4385, Last(data[0]!["y"]!), 4);
        Assert.Equal(1.0, Last(upper["y"]!), 6);
        Assert.Contains("AUC 0.889", line["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_chart_without_a_curve_or_with_a_blank_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Reporting.Plots.Charts.Roc("ROC"));
        Assert.Throws<ArgumentException>(() => Reporting.Plots.Charts.Roc("ROC", (" ", Curve)));
    }
}
