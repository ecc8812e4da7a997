using System.Text.Json.Nodes;
using CovidCt.Metrics;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Reporting.Explorer;

/// <summary>
/// What the explorer's script reads: the grid's axes, the z of the interval level and the integer confusion counts of every
/// setting, in <see cref="SweepGrid.Settings"/> order (threshold slowest, then minimum size, k, quadrant rule, assignment). Only
/// counts travel, so the page computes every rate and interval itself from the same integers the C# metrics used.
/// </summary>
internal static class ExplorerData
{
    public static string Json(SweepResult sweep, double level)
    {
        var grid = sweep.Grid;
        var start = sweep.StudyDefaults?.Setting ?? grid.Settings[0];
        var data = new JsonObject
        {
            ["thresholds"] = Array(grid.Thresholds.Select(t => JsonValue.Create(t))),
            ["minPixels"] = Array(grid.MinPixels.Select(m => JsonValue.Create(m))),
            ["k"] = Array(grid.ConsecutiveSlices.Select(k => JsonValue.Create(k))),
            ["sameQuadrant"] = Array(grid.SameQuadrant.Select(s => JsonValue.Create(s))),
            ["assignments"] = Array(grid.Assignments.Select(a => JsonValue.Create(a.ToString().ToLowerInvariant()))),
            ["start"] = new JsonObject
            {
                ["threshold"] = Index(grid.Thresholds, start.Threshold),
                ["minPixels"] = Index(grid.MinPixels, start.MinPixels),
                ["k"] = Index(grid.ConsecutiveSlices, start.ConsecutiveSlices),
                ["sameQuadrant"] = Index(grid.SameQuadrant, start.SameQuadrant),
                ["assignment"] = Index(grid.Assignments, start.Assignment),
            },
            ["study"] = grid.Settings.ToList().FindIndex(s => s.IsStudyDefault),
            ["level"] = level,
            ["z"] = ProportionIntervals.TwoSidedZ(level),
            ["minimumCases"] = OperatingPointExplorer.MinimumCases,
            ["image"] = Array(sweep.Rows.Select(r => Counts(r.Image.Counts))),
            ["patient"] = Array(sweep.Rows.Select(r => Counts(r.Patient.Counts))),
        };
        // "</" would end the script element that holds the data; JSON allows the escaped form.
        return data.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
    }

    // [TP, FP, TN, FN], the order of ConfusionCounts.
    private static JsonArray Counts(ConfusionCounts c) => Array([JsonValue.Create(c.TruePositives), JsonValue.Create(c.FalsePositives), JsonValue.Create(c.TrueNegatives), JsonValue.Create(c.FalseNegatives)]);

    private static JsonArray Array(IEnumerable<JsonNode?> values) => new([.. values]);

    private static int Index<T>(IReadOnlyList<T> axis, T value) => Math.Max(0, axis.ToList().IndexOf(value));
}
