using System.Globalization;
using System.Text.Json;

namespace CovidCt.Cli.Tests;

/// <summary>NRI/IDI on <c>metrics compare</c> and the partial AUC on <c>metrics scores</c>, text and JSON.</summary>
public sealed class MetricsReclassificationPartialAucTests : IDisposable
{
    private readonly MetricsCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Compare_reports_nri_and_idi_of_b_over_a()
    {
        // ReclassificationTests' eight cases (by hand from Pencina et al. 2008): old = A, new = B, threshold 0.5: NRI 1/4, IDI 0.0125.
        var csv = _cli.Csv("nri.csv", "id,label,score_a,score_b\n" + string.Concat(
            new[] { (1, 0.4, 0.6), (1, 0.6, 0.7), (1, 0.3, 0.4), (1, 0.7, 0.45), (0, 0.6, 0.3), (0, 0.2, 0.25), (0, 0.55, 0.4), (0, 0.1, 0.6) }
                .Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"c{i},{c.Item1},{c.Item2},{c.Item3}\n"))));
        var json = MetricsCli.Json("metrics", "compare", csv, "--threshold", "0.5").GetProperty("reclassification");
        Assert.Equal(0.25, json.GetProperty("nri").GetProperty("value").GetDouble(), 15);
        Assert.Equal(0.25, json.GetProperty("nri").GetProperty("non_diseased").GetDouble(), 15);
        Assert.Equal("pencina", json.GetProperty("nri").GetProperty("ci").GetProperty("method").GetString());
        Assert.Equal(0.0125, json.GetProperty("idi").GetProperty("value").GetDouble(), 14);
        var (code, text, _) = MetricsCli.Run("metrics", "compare", csv, "--threshold", "0.5");
        Assert.Equal(0, code);
        Assert.Contains("NRI +0.2500", text, StringComparison.Ordinal);
        Assert.Contains("IDI +0.0125", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Idi_is_undefined_for_scores_that_are_not_probabilities()
    {
        var csv = _cli.Csv("raw.csv", "id,label,score_a,score_b\na,1,3,2\nb,1,5,7\nc,0,1,0.5\nd,0,-2,1\n");
        var idi = MetricsCli.Json("metrics", "compare", csv, "--threshold", "2").GetProperty("reclassification").GetProperty("idi");
        Assert.Contains("not all probabilities", idi.GetProperty("undefined").GetString(), StringComparison.Ordinal);
        // Every field is there, null when undefined: one shape whether or not the IDI is defined, as in compare --json.
        Assert.Equal(JsonValueKind.Null, idi.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, idi.GetProperty("ci").ValueKind);
    }

    [Fact]
    public void Compare_writes_the_reclassification_document_of_the_top_level_compare_with_its_threshold()
    {
        var csv = _cli.Csv("nri.csv", "id,label,score_a,score_b\n" + string.Concat(
            new[] { (1, 0.4, 0.6), (1, 0.6, 0.7), (1, 0.3, 0.4), (1, 0.7, 0.45), (0, 0.6, 0.3), (0, 0.2, 0.25), (0, 0.55, 0.4), (0, 0.1, 0.6) }
                .Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"c{i},{c.Item1},{c.Item2},{c.Item3}\n"))));
        var json = MetricsCli.Json("metrics", "compare", csv, "--threshold", "0.5").GetProperty("reclassification");
        Assert.Equal(["threshold", "nri", "nri_continuous", "idi", "undefined", "caveats"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["value", "ci", "p_value", "diseased", "non_diseased", "ci_clustered"], json.GetProperty("nri").EnumerateObject().Select(p => p.Name));
        // The continuous NRI (B above A: cases 1, 2, 3, 6, 8; below: 4, 5, 7): diseased 3/4 − 1/4, non-diseased 2/4 − 2/4.
        Assert.Equal(0.5, json.GetProperty("nri_continuous").GetProperty("value").GetDouble(), 15);
        // Four of each class: the rows say they rest on too few cases.
        Assert.StartsWith("n below 10 per class (4 diseased, 4 not)", json.GetProperty("caveats")[0].GetString(), StringComparison.Ordinal);
        var (_, text, _) = MetricsCli.Run("metrics", "compare", csv, "--threshold", "0.5");
        Assert.Contains("Continuous NRI B over A (Pencina 2011; up: B scores the case higher): NRI +0.5000", text, StringComparison.Ordinal);
        Assert.Contains("Caveat, reclassification: n below 10 per class (4 diseased, 4 not)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_reclassification_still_names_its_threshold()
    {
        var csv = _cli.Csv("one.csv", "id,label,score_a,score_b\na,1,0.9,0.8\nb,0,0.1,0.2\nc,0,0.3,0.4\n");
        var json = MetricsCli.Json("metrics", "compare", csv, "--threshold", "0.5").GetProperty("reclassification");
        Assert.Equal(0.5, json.GetProperty("threshold").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("nri").ValueKind);
        Assert.Equal("needs at least two diseased and two non-diseased cases; got 1 and 2", json.GetProperty("undefined").GetString());
    }

    [Fact]
    public void With_a_patient_column_the_reclassification_gets_patient_bootstrap_intervals()
    {
        var csv = _cli.Csv("clustered.csv", "id,label,score_a,score_b,patient\n" + string.Concat(
            new[] { (1, 0.4, 0.6), (1, 0.6, 0.7), (1, 0.3, 0.4), (1, 0.7, 0.45), (0, 0.6, 0.3), (0, 0.2, 0.25), (0, 0.55, 0.4), (0, 0.1, 0.6) }
                .Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"c{i},{c.Item1},{c.Item2},{c.Item3},p{i % 4}\n"))));
        var json = MetricsCli.Json("metrics", "compare", csv, "--threshold", "0.5").GetProperty("reclassification");
        Assert.Equal("patient-bootstrap-percentile", json.GetProperty("nri").GetProperty("ci_clustered").GetProperty("method").GetString());
        Assert.Equal("patient-bootstrap-percentile", json.GetProperty("idi").GetProperty("ci_clustered").GetProperty("method").GetString());
        Assert.Contains(json.GetProperty("caveats").EnumerateArray(), c => c.GetString()!.StartsWith("the clustered intervals resample only 4 patients", StringComparison.Ordinal));
    }

    [Fact]
    public void Scores_reports_the_partial_auc_raw_and_McClish()
    {
        // PartialAucTests' 20 cases; pROC 1.18 (References/partial_auc.out): specificity 0.8–1, raw 0.09697, McClish 0.71380.
        double[] scores = [0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.30];
        int[] labels = [0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0];
        var csv = _cli.Csv("pauc.csv", "id,label,score\n" + string.Concat(scores.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"c{i},{labels[i]},{s}\n"))));
        var json = MetricsCli.Json("metrics", "scores", csv, "--partial-auc", "0.8").GetProperty("partial_auc");
        Assert.Equal(0.096969696969696928, json.GetProperty("area").GetDouble(), 14);
        Assert.Equal(0.71380471380471378, json.GetProperty("mcclish").GetDouble(), 14);
        Assert.Equal(0.2, json.GetProperty("max_area").GetDouble(), 14);
        Assert.Equal(JsonValueKind.Null, MetricsCli.Json("metrics", "scores", csv).GetProperty("partial_auc").ValueKind);
        Assert.Contains("McClish standardised 0.7138", MetricsCli.Run("metrics", "scores", csv, "--partial-auc", "0.8").Output, StringComparison.Ordinal);
        var (code, _, error) = MetricsCli.Run("metrics", "scores", csv, "--partial-auc", "1");
        Assert.Equal(2, code);
        Assert.Contains("--partial-auc", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_partial_auc_has_a_stratified_bootstrap_interval_or_a_patient_one_with_a_patient_column()
    {
        double[] scores = [0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.30];
        int[] labels = [0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0];
        var csv = _cli.Csv("pauc.csv", "id,label,score\n" + string.Concat(scores.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"c{i},{labels[i]},{s}\n"))));
        var json = MetricsCli.Json("metrics", "scores", csv, "--partial-auc", "0.8", "--resamples", "200").GetProperty("partial_auc");
        var ci = json.GetProperty("mcclish_ci");
        Assert.Equal("stratified-bootstrap-percentile", ci.GetProperty("method").GetString());
        Assert.True(ci.GetProperty("lower").GetDouble() <= 0.71380471380471378 && 0.71380471380471378 <= ci.GetProperty("upper").GetDouble());
        Assert.Equal(200, json.GetProperty("bootstrap").GetProperty("resamples").GetInt32());
        Assert.Contains("bootstrap stratified by class, 200 resamples", MetricsCli.Run("metrics", "scores", csv, "--partial-auc", "0.8", "--resamples", "200").Output, StringComparison.Ordinal);
        var byPatient = _cli.Csv("pauc-p.csv", "id,label,score,patient\n" + string.Concat(scores.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"c{i},{labels[i]},{s},p{i % 7}\n"))));
        var patientCi = MetricsCli.Json("metrics", "scores", byPatient, "--partial-auc", "0.8", "--resamples", "200").GetProperty("partial_auc").GetProperty("area_ci");
        Assert.Equal("patient-bootstrap-percentile", patientCi.GetProperty("method").GetString());
    }
}
