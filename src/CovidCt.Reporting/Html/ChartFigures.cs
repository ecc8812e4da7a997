using System.Text.Json.Nodes;
using CovidCt.Metrics;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Timelines;

namespace CovidCt.Reporting.Html;

/// <summary>
/// Plotly figures (<c>{ data, layout }</c> JSON): ROC and FROC curves, calibration, sweep heatmaps and Pareto fronts (public through
/// <see cref="Plots.Charts"/>), threshold sweeps and patient timelines. Every figure has a title and keeps its legend below the plot.
/// </summary>
internal static class ChartFigures
{
    private static readonly string[] QuadrantRows = QuadrantNames.Rows.Select(r => r.Label).ToArray();

    /// <summary>1 − specificity against sensitivity at every threshold with its pointwise band, the chance diagonal, and the AUC with its interval in the title.</summary>
    public static JsonObject Roc(RocCurve curve, string title)
    {
        var auc = curve.Auc;
        var heading = auc.Value is { } a
            ? $"{title}: AUC {a:0.000}" + (auc.Interval is { } ci ? $" (95% CI {ci.Lower:0.000}–{ci.Upper:0.000}, DeLong)" : " (no interval: too few cases)")
            : $"{title}: AUC undefined ({auc.UndefinedReason})";
        return Rocs(heading, [("ROC", curve)]);
    }

    /// <summary>
    /// Several ROC curves on one chart, each with a pointwise 95% Wilson band of its sensitivity (a shaded area in the curve's
    /// colour) and its AUC in its legend entry.
    /// </summary>
    public static JsonObject Rocs(string title, (string Name, RocCurve Curve)[] curves)
    {
        var traces = new List<JsonObject>();
        for (var i = 0; i < curves.Length; i++)
        {
            var (name, curve) = curves[i];
            var colour = Palette[i % Palette.Length];
            // Sensitivity and specificity from the counts: a class without cases leaves the curve empty, not a line at 0.
            var points = curve.Points.Where(p => p.Counts.Positives > 0 && p.Counts.Negatives > 0).ToArray();
            var x = points.Select(p => (double)p.Counts.FalsePositives / p.Counts.Negatives).ToArray();
            var band = points.Select(p => ProportionIntervals.Compute(p.Counts.TruePositives, p.Counts.Positives)).ToArray();
            var group = $"roc{i}";
            traces.Add(Band(x, band.Select(b => b?.Lower), colour, group, $"{name}: 95% band", first: true));
            traces.Add(Band(x, band.Select(b => b?.Upper), colour, group, $"{name}: 95% band", first: false));
            var line = Line(x, points.Select(p => (double)p.Counts.TruePositives / p.Counts.Positives), $"{name} ({AucText(curve.Auc)})",
                points.Select(p => double.IsFinite(p.Threshold) ? $"score ≥ {p.Threshold:0.###}" : "nothing positive"));
            line["line"]!["color"] = colour;
            line["legendgroup"] = group;
            traces.Add(line);
        }
        traces.Add(Line([0.0, 1.0], [0.0, 1.0], "chance", null, dash: true));
        traces[^1]["line"]!["color"] = "#888";
        return Figure([.. traces], Layout(title, "1 − specificity", "sensitivity", xRange: [0, 1], yRange: [0, 1.02]));
    }

    /// <summary>FROC curves on a log false-positive axis (the usual 1/8 to 8 per image), sensitivity on [0, 1].</summary>
    public static JsonObject Frocs(string title, (string Name, FrocCurve Curve)[] curves)
    {
        var traces = new List<JsonObject>();
        for (var i = 0; i < curves.Length; i++)
        {
            var (name, curve) = curves[i];
            // The first point (0 FP per image) cannot sit on a log axis: the curve starts at its first mark.
            var points = curve.Points.Where(p => p.FalsePositivesPerImage > 0).ToArray();
            var line = Line(points.Select(p => p.FalsePositivesPerImage), points.Select(p => p.Sensitivity),
                $"{name} ({curve.Lesions} lesions, {curve.Images} images)", points.Select(p => $"score ≥ {p.Threshold:0.###}: {p.LesionsHit} hit, {p.FalsePositives} FP"), shape: "hv");
            line["mode"] = "lines+markers";
            line["line"]!["color"] = Palette[i % Palette.Length];
            traces.Add(line);
        }
        var layout = Layout(title, "false positives per image", "lesion sensitivity", xRange: null, yRange: [0, 1.02]);
        layout["xaxis"]!["type"] = "log";
        layout["xaxis"]!["tickvals"] = Numbers(FrocCurve.StandardRates);
        layout["xaxis"]!["ticktext"] = new JsonArray(["1/8", "1/4", "1/2", "1", "2", "4", "8"]);
        return Figure([.. traces], layout);
    }

    /// <summary>Observed rate against mean prediction per non-empty bin, Wilson error bars, and the diagonal.</summary>
    public static JsonObject Calibration(string title, IReadOnlyList<ReliabilityBin> bins)
    {
        var filled = bins.Where(b => b.MeanPredicted is not null && b.Observed.Value is not null).ToArray();
        var observed = Line(filled.Select(b => b.MeanPredicted!.Value), filled.Select(b => b.Observed.Value!.Value), "observed rate (95% Wilson)",
            filled.Select(b => $"{b.Lower:0.0}–{b.Upper:0.0}: {b.Observed.Numerator:0}/{b.Cases}"));
        observed["mode"] = "lines+markers";
        observed["line"]!["color"] = Palette[0];
        observed["error_y"] = new JsonObject
        {
            ["type"] = "data", ["symmetric"] = false,
            ["array"] = Numbers(filled.Select(b => (b.Observed.Interval?.Upper ?? b.Observed.Value!.Value) - b.Observed.Value!.Value)),
            ["arrayminus"] = Numbers(filled.Select(b => b.Observed.Value!.Value - (b.Observed.Interval?.Lower ?? b.Observed.Value!.Value))),
        };
        var diagonal = Line([0.0, 1.0], [0.0, 1.0], "perfect calibration", null, dash: true);
        diagonal["line"]!["color"] = "#888";
        return Figure([observed, diagonal], Layout(title, "mean predicted probability", "observed rate", xRange: [0, 1], yRange: [0, 1.02]));
    }

    /// <summary>A proportion over two parameters; colour scale fixed to [0, 1]; empty (undefined) cells say so on hover.</summary>
    public static JsonObject Heatmap(string title, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<IReadOnlyList<double?>> values,
        string xTitle, string yTitle, string metric)
    {
        var heatmap = new JsonObject
        {
            ["type"] = "heatmap", ["name"] = metric,
            ["x"] = Numbers(x), ["y"] = Numbers(y),
            ["z"] = new JsonArray(values.Select(row => (JsonNode?)new JsonArray(row.Select(v => (JsonNode?)(v is { } n ? JsonValue.Create(n) : null)).ToArray())).ToArray()),
            ["text"] = new JsonArray(values.Select(row => (JsonNode?)new JsonArray(row.Select(v => (JsonNode?)JsonValue.Create(v is { } n ? $"{n:0.000}" : "undefined")).ToArray())).ToArray()),
            ["hovertemplate"] = $"{xTitle} %{{x}}, {yTitle} %{{y}}: %{{text}}<extra></extra>",
            // Fixed to proportions: a constant sensitivity of 1.0 is drawn at the top of a 0–1 bar, not against 0.5–1.5.
            ["zmin"] = 0, ["zmax"] = 1, ["zauto"] = false,
            ["colorscale"] = "Viridis",
            ["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = metric } },
        };
        var layout = Layout(title, xTitle, yTitle, xRange: null, yRange: null);
        layout["xaxis"]!["type"] = "category";
        layout["yaxis"]!["type"] = "category";
        return Figure([heatmap], layout);
    }

    /// <summary>Plain lines, one colour each.</summary>
    public static JsonObject Lines(string title, string xTitle, string yTitle, (string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)[] series)
    {
        var traces = series.Select((s, i) =>
        {
            var line = Line(s.X, s.Y, s.Name, null);
            line["line"]!["color"] = Palette[i % Palette.Length];
            return line;
        }).ToArray();
        return Figure(traces, Layout(title, xTitle, yTitle, xRange: null, yRange: null));
    }

    /// <summary>Every defined setting, the Pareto front through them, and the marked settings, specificity across and sensitivity up.</summary>
    public static JsonObject Pareto(string title, SweepResult sweep, SweepLevel level, (string Name, SweepRow? Row)[] marked)
    {
        static bool Defined(SweepRow? r, SweepLevel level) => r is not null && r.At(level).Sensitivity.Value is not null && r.At(level).Specificity.Value is not null;
        var defined = sweep.Rows.Where(r => Defined(r, level)).ToArray();
        var every = Line(defined.Select(r => r.At(level).Specificity.Value!.Value), defined.Select(r => r.At(level).Sensitivity.Value!.Value), "every setting",
            defined.Select(r => Setting(r.Setting)));
        every["mode"] = "markers";
        every["marker"] = new JsonObject { ["color"] = "#9ab", ["size"] = 6 };
        var front = sweep.ParetoFront(level);
        var line = Line(front.Select(p => p.Specificity), front.Select(p => p.Sensitivity), "Pareto front",
            front.Select(p => $"{p.Settings.Count} setting(s), e.g. {Setting(p.Representative.Setting)}"));
        line["mode"] = "lines+markers";
        line["line"]!["color"] = Palette[0];
        var traces = new List<JsonObject> { every, line };
        var i = 1;
        foreach (var (name, row) in marked.Where(m => Defined(m.Row, level)))
        {
            var point = Line([row!.At(level).Specificity.Value!.Value], [row.At(level).Sensitivity.Value!.Value], name, [Setting(row.Setting)]);
            point["mode"] = "markers";
            point["marker"] = new JsonObject { ["color"] = Palette[i++ % Palette.Length], ["size"] = 13, ["symbol"] = "diamond" };
            traces.Add(point);
        }
        return Figure([.. traces], Layout(title, "specificity", "sensitivity", xRange: [-0.02, 1.02], yRange: [-0.02, 1.02]));
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

    // Colour-blind-safe (Okabe–Ito), readable on light and dark backgrounds.
    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];

    private static string AucText(Estimate auc) => auc.Value is { } a
        ? $"AUC {a:0.000}" + (auc.Interval is { } ci ? $", {ci.Lower:0.000}–{ci.Upper:0.000}" : ", no interval")
        : "AUC undefined";

    private static string Setting(SweepSetting s) =>
        $"threshold {s.Threshold:0.00}, more than {s.MinPixels} pixels, k {s.ConsecutiveSlices}, {(s.SameQuadrant ? "same quadrant" : "any quadrant")}";

    // A band is two traces: the lower edge, then the upper edge filled down to it; one legend entry for both.
    private static JsonObject Band(double[] x, IEnumerable<double?> edge, string colour, string group, string name, bool first)
    {
        var trace = Line(x, edge, name, null);
        trace["legendgroup"] = group;
        trace["hoverinfo"] = "skip";
        trace["line"] = new JsonObject { ["width"] = 0, ["color"] = colour, ["shape"] = "linear" };
        trace["showlegend"] = !first;
        if (!first)
        {
            trace["fill"] = "tonexty";
            trace["fillcolor"] = colour + "33";
        }
        return trace;
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

    private static JsonObject Line(IEnumerable<double> x, IEnumerable<double> y, string name, IEnumerable<string>? hover, bool dash = false, string shape = "linear") =>
        Line(x, y.Select(v => (double?)v), name, hover, dash, shape);

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
            ["height"] = 420,
            // Below the x axis title, so the legend never covers a curve.
            ["legend"] = new JsonObject { ["orientation"] = "h", ["x"] = 0, ["y"] = -0.2, ["yanchor"] = "top" },
            ["margin"] = new JsonObject { ["t"] = 50, ["b"] = 110, ["l"] = 60, ["r"] = 20 },
        };
    }
}
