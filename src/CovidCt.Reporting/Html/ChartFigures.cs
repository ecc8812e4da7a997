using System.Text.Json.Nodes;
using CovidCt.Metrics;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Timelines;

namespace CovidCt.Reporting.Html;

/// <summary>Plotly figures (<c>{ data, layout }</c> JSON) of an evaluation: ROC curves, threshold sweeps and patient timelines.</summary>
internal static class ChartFigures
{
    private static readonly string[] QuadrantRows = QuadrantNames.Rows.Select(r => r.Label).ToArray();

    /// <summary>1 − specificity against sensitivity at every threshold, the chance diagonal, and the AUC with its interval in the title.</summary>
    public static JsonObject Roc(RocCurve curve, string title)
    {
        var points = curve.Points;
        var auc = curve.Auc;
        var heading = auc.Value is { } a
            ? $"{title}: AUC {a:0.000}" + (auc.Interval is { } ci ? $" (95% CI {ci.Lower:0.000}–{ci.Upper:0.000}, DeLong)" : " (no interval: too few cases)")
            : $"{title}: AUC undefined ({auc.UndefinedReason})";
        return Figure(
            [
                Line(points.Select(p => p.FalsePositiveRate), points.Select(p => p.Sensitivity), "ROC", points.Select(p => $"score ≥ {p.Threshold:0.###}")),
                Line([0.0, 1.0], [0.0, 1.0], "chance", null, dash: true),
            ],
            Layout(heading, "1 − specificity", "sensitivity", xRange: [0, 1], yRange: [0, 1.02]));
    }

    /// <summary>Sensitivity and specificity against the score threshold (<see cref="ThresholdSweep"/>), with the pipeline's threshold marked.</summary>
    public static JsonObject Sweep(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, string title, double boxThreshold)
    {
        var points = ThresholdSweep.Compute(scores, labels).Where(p => double.IsFinite(p.Threshold)).ToArray();
        var layout = Layout(title, "score threshold", "proportion", xRange: null, yRange: [0, 1.02]);
        layout["shapes"] = new JsonArray(new JsonObject
        {
            ["type"] = "line", ["x0"] = boxThreshold, ["x1"] = boxThreshold, ["y0"] = 0, ["y1"] = 1,
            ["line"] = new JsonObject { ["color"] = "#c00", ["dash"] = "dot" },
        });
        return Figure(
            [
                Line(points.Select(p => p.Threshold), points.Select(p => p.Sensitivity), "sensitivity", null, shape: "hv"),
                Line(points.Select(p => p.Threshold), points.Select(p => p.Specificity), "specificity", null, shape: "hv"),
            ],
            layout);
    }

    /// <summary>
    /// Slices × quadrants strip of one patient: the best box probability per quadrant and slice, the run that made the rule fire
    /// outlined in red, and the slices with a lesion in the truth marked above. The x axis is the 1-based slice number.
    /// </summary>
    public static JsonObject Timeline(PatientOutcome patient)
    {
        var timeline = PatientTimeline.Of(patient.Result, patient.SliceTruth);
        var columns = timeline.Columns;
        var z = new JsonArray();
        for (var q = 0; q < QuadrantRows.Length; q++) z.Add(new JsonArray(columns.Select(c => (JsonNode?)JsonValue.Create(c.Scores[q])).ToArray()));
        var heatmap = new JsonObject
        {
            ["type"] = "heatmap",
            ["x"] = new JsonArray(columns.Select(c => (JsonNode?)JsonValue.Create(c.SliceNumber)).ToArray()),
            ["y"] = new JsonArray(QuadrantRows.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
            ["z"] = z,
            ["zmin"] = 0, ["zmax"] = 1,
            ["colorscale"] = "Reds",
            ["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "box p" }, ["len"] = 0.9 },
            ["hovertemplate"] = "slice %{x}, %{y}: %{z:.2f}<extra></extra>",
        };
        var lesionSlices = columns.Where(c => c.Truth == true).Select(c => (double)c.SliceNumber).ToArray();
        var truth = new JsonObject
        {
            ["type"] = "scatter", ["mode"] = "markers", ["name"] = "lesion (truth)",
            ["x"] = Numbers(lesionSlices),
            ["y"] = new JsonArray(lesionSlices.Select(_ => (JsonNode?)JsonValue.Create("truth")).ToArray()),
            ["marker"] = new JsonObject { ["symbol"] = "square", ["color"] = "#2a7" },
        };
        var label = patient.IsCovid ? "COVID-19" : "control";
        var run = timeline.DecidingRun;
        var verdict = run is not null
            ? $"positive: {QuadrantNames.Label(run.Quadrant)}, {SliceNumbers.Range(columns[run.FirstColumn].SliceIndex, columns[run.LastColumn].SliceIndex)}"
            : "negative";
        var layout = Layout($"{timeline.PatientId} ({label}) — rule {verdict}", "slice number", "", xRange: null, yRange: null);
        layout["height"] = 230;
        layout["margin"] = new JsonObject { ["t"] = 40, ["b"] = 40, ["l"] = 90, ["r"] = 20 };
        // Categories in trace order (the heatmap's four, then "truth"), reversed so the upper left is on top. An explicit category
        // array naming a row the heatmap lacks makes plotly 2.28 throw, so the order comes from the traces.
        layout["yaxis"] = new JsonObject { ["autorange"] = "reversed" };
        layout["showlegend"] = false;
        if (run is not null)
        {
            // On a category axis row i sits at position i: the rectangle spans the fired quadrant's row.
            layout["shapes"] = new JsonArray(new JsonObject
            {
                ["type"] = "rect", ["xref"] = "x", ["yref"] = "y",
                ["x0"] = columns[run.FirstColumn].SliceNumber - 0.5, ["x1"] = columns[run.LastColumn].SliceNumber + 0.5,
                ["y0"] = run.Row - 0.5, ["y1"] = run.Row + 0.5,
                ["line"] = new JsonObject { ["color"] = "#c00", ["width"] = 3 },
            });
        }
        return Figure([heatmap, truth], layout);
    }

    private static JsonObject Figure(JsonObject[] traces, JsonObject layout) => new()
    {
        ["data"] = new JsonArray(traces.Select(t => (JsonNode?)t).ToArray()),
        ["layout"] = layout,
    };

    private static JsonObject Line(IEnumerable<double> x, IEnumerable<double?> y, string name, IEnumerable<string>? hover, bool dash = false, string shape = "linear")
    {
        var trace = new JsonObject
        {
            ["type"] = "scatter", ["mode"] = "lines", ["name"] = name,
            ["x"] = Numbers(x),
            ["y"] = new JsonArray(y.Select(v => (JsonNode?)(v is { } n && double.IsFinite(n) ? JsonValue.Create(n) : null)).ToArray()),
            ["line"] = new JsonObject { ["shape"] = shape, ["dash"] = dash ? "dash" : "solid" },
        };
        if (hover is not null) trace["text"] = new JsonArray(hover.Select(h => (JsonNode?)JsonValue.Create(h)).ToArray());
        return trace;
    }

    private static JsonObject Line(IEnumerable<double> x, IEnumerable<double> y, string name, IEnumerable<string>? hover, bool dash = false) =>
        Line(x, y.Select(v => (double?)v), name, hover, dash);

    private static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static JsonObject Layout(string title, string xTitle, string yTitle, double[]? xRange, double[]? yRange)
    {
        var x = new JsonObject { ["title"] = new JsonObject { ["text"] = xTitle } };
        var y = new JsonObject { ["title"] = new JsonObject { ["text"] = yTitle } };
        if (xRange is not null) x["range"] = Numbers(xRange);
        if (yRange is not null) y["range"] = Numbers(yRange);
        return new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = title, ["font"] = new JsonObject { ["size"] = 14 } },
            ["xaxis"] = x, ["yaxis"] = y,
            ["height"] = 380,
            ["margin"] = new JsonObject { ["t"] = 50, ["b"] = 50, ["l"] = 60, ["r"] = 20 },
        };
    }
}
