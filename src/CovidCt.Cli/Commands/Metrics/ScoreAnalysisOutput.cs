using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>Text and JSON renderings of a <see cref="ScoreAnalysis"/>.</summary>
internal static class ScoreAnalysisOutput
{
    public static void Text(TextWriter output, string path, ScoreAnalysis a, bool logitAucInterval, int rows)
    {
        var console = TextConsole.Create(output);
        var counts = a.Thresholds[^1].Counts;
        console.Line($"{path}: {TextFormat.Count(a.Cases)} cases ({TextFormat.Count(counts.Positives)} diseased, {TextFormat.Count(counts.Negatives)} not)"
            + (a.Patients is { } p ? $", {TextFormat.Count(p)} patients" : ""));
        var auc = a.Curve.Auc;
        var aucInterval = logitAucInterval ? a.Curve.DeLong?.LogitInterval : a.Curve.DeLong?.PlainInterval;
        console.Line(auc.Value is { } v
            ? $"AUC {TextFormat.Number(v, "0.0000")}" + (aucInterval is null
                ? " (no DeLong interval: needs at least two cases of each class)"
                : $", {TextFormat.Level(aucInterval.Level)} CI {TextFormat.Number(aucInterval.Lower, "0.0000")}–{TextFormat.Number(aucInterval.Upper, "0.0000")} ({aucInterval.Method}), SE {TextFormat.Number(a.Curve.DeLong!.StandardError, "0.0000")}")
            : $"AUC undefined: {auc.UndefinedReason}");
        if (a.Clustered is { } clustered) ClusteredScoresText.Auc(console, clustered);
        PartialAucOutput.Text(console, a.PartialAuc, a.PartialAucInterval);
        PrAucOutput.Text(console, a);
        FixedRateOutput.Text(console, a.FixedRates);
        console.Line();
        console.Line($"Thresholds ({TextFormat.Count(a.Thresholds.Count)} distinct; call positive when score ≥ threshold):");
        var table = TextConsole.Table("Threshold", "TP", "FP", "TN", "FN", "Sensitivity", "Specificity", "Youden's J");
        foreach (var point in Spread(a.Thresholds, rows))
        {
            var c = point.Counts;
            table.AddTextRow(TextFormat.Number(point.Threshold, "0.####"), TextFormat.Count(c.TruePositives), TextFormat.Count(c.FalsePositives),
                TextFormat.Count(c.TrueNegatives), TextFormat.Count(c.FalseNegatives), TextFormat.Percent(point.Sensitivity),
                TextFormat.Percent(point.Specificity), point.YoudenJ is { } j ? TextFormat.Number(j) : "undefined");
        }
        console.Write(table);
        if (a.OperatingPoint is null || a.OperatingMetrics is null)
        {
            console.Line("No operating point: the Youden point needs both classes.");
            return;
        }
        console.Line();
        console.Line($"Operating point: score ≥ {TextFormat.Number(a.OperatingPoint.Threshold, "0.####")} ({(a.OperatingPointSource == "youden" ? "Youden-optimal" : "--threshold")})");
        console.Write(MetricsTable.Create(a.OperatingMetrics));
        if (a.Clustered is { } clusteredPoint) ClusteredScoresText.OperatingPoint(console, clusteredPoint);
        if (a.Bootstrap is null) return;
        var first = a.Bootstrap[0].Value;
        console.Line($"Patient-bootstrap intervals ({TextFormat.Count(first.Resamples)} resamples of {TextFormat.Count(a.Patients!.Value)} patients, seed {first.Seed}, percentile):");
        var boot = TextConsole.Table("Metric", "Value", $"{TextFormat.Level(a.OperatingMetrics.Level)} CI", "Undefined resamples");
        foreach (var (name, result) in a.Bootstrap)
        {
            var estimate = a.OperatingMetrics.All.Single(m => m.Key == name).Value;
            boot.AddTextRow(TextFormat.Label(name), TextFormat.Value(name, estimate),
                result.Interval is null ? "undefined in every resample" : TextFormat.Interval(name, result.Interval),
                TextFormat.Count(result.UndefinedResamples));
        }
        console.Write(boot);
    }

    /// <summary>The JSON document; the ROC curve lists at most <paramref name="maxThresholds"/> thresholds, evenly spread and always the first and last (null: all).</summary>
    public static void Json(TextWriter output, string path, ScoreAnalysis a, int? maxThresholds) => JsonOutput.Write(output, j =>
    {
        var w = j.Writer;
        var counts = a.Thresholds[^1].Counts;
        w.WriteString("file", path);
        w.WriteNumber("cases", a.Cases);
        w.WriteNumber("diseased", counts.Positives);
        w.WriteNumber("non_diseased", counts.Negatives);
        if (a.Patients is { } patients) w.WriteNumber("patients", patients);
        else w.WriteNull("patients");
        j.Estimate("auc", a.Curve.Auc);
        if (a.Curve.DeLong is { } d)
        {
            w.WriteStartObject("delong");
            j.Number("variance", d.Variance);
            j.Number("standard_error", d.StandardError);
            j.Interval("ci", d.PlainInterval);
            j.Interval("ci_logit", d.LogitInterval);
            w.WriteEndObject();
        }
        else w.WriteNull("delong");
        if (a.Clustered is { } clustered) ClusteredJson.Auc(j, "clustered_auc", clustered.Auc, clustered.AucUndefined, a.Curve.DeLong?.PlainInterval);
        else w.WriteNull("clustered_auc");
        PartialAucOutput.Json(j, a.PartialAuc, a.PartialAucInterval);
        PrAucOutput.Json(j, a);
        FixedRateOutput.Json(j, a.FixedRates);
        if (a.OperatingPoint is { } point && a.OperatingMetrics is { } metrics)
        {
            w.WriteStartObject("operating_point");
            j.Number("threshold", point.Threshold);
            w.WriteString("source", a.OperatingPointSource);
            j.Counts("counts", point.Counts);
            j.Metrics("metrics", metrics);
            if (a.Bootstrap is { } bootstrap) Bootstrap(j, bootstrap);
            else w.WriteNull("bootstrap");
            if (a.Clustered is { Sensitivity: { } sensitivity, Specificity: { } specificity })
            {
                w.WriteStartObject("clustered");
                ClusteredJson.Proportion(j, "sensitivity", sensitivity);
                ClusteredJson.Proportion(j, "specificity", specificity);
                w.WriteEndObject();
            }
            else w.WriteNull("clustered");
            w.WriteEndObject();
        }
        else w.WriteNull("operating_point");
        var listed = maxThresholds is { } max ? Spread(a.Thresholds, max).ToArray() : a.Thresholds;
        w.WriteNumber("threshold_count", a.Thresholds.Count);
        w.WriteNumber("thresholds_listed", listed.Count);
        w.WriteStartArray("thresholds");
        foreach (var t in listed)
        {
            w.WriteStartObject();
            j.Number("threshold", t.Threshold);
            w.WriteNumber("tp", t.Counts.TruePositives);
            w.WriteNumber("fp", t.Counts.FalsePositives);
            w.WriteNumber("tn", t.Counts.TrueNegatives);
            w.WriteNumber("fn", t.Counts.FalseNegatives);
            j.Number("sensitivity", t.Sensitivity);
            j.Number("specificity", t.Specificity);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    private static void Bootstrap(JsonOutput j, IReadOnlyList<KeyValuePair<string, BootstrapResult>> bootstrap)
    {
        var w = j.Writer;
        w.WriteStartObject("bootstrap");
        w.WriteNumber("resamples", bootstrap[0].Value.Resamples);
        w.WriteNumber("seed", bootstrap[0].Value.Seed);
        w.WriteStartObject("metrics");
        foreach (var (name, result) in bootstrap)
        {
            w.WriteStartObject(name);
            j.Number("value", result.Value);
            j.Interval("ci", result.Interval);
            w.WriteNumber("undefined_resamples", result.UndefinedResamples);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    // Evenly spread rows, always keeping the first and last, so long tables stay readable in text.
    internal static IEnumerable<ThresholdPoint> Spread(IReadOnlyList<ThresholdPoint> points, int rows)
    {
        if (rows < 2 || points.Count <= rows) return points;
        return Enumerable.Range(0, rows).Select(i => (int)Math.Round(i * (points.Count - 1.0) / (rows - 1))).Distinct().Select(i => points[i]);
    }
}
